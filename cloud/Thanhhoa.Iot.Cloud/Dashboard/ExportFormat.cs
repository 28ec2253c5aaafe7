namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>The <c>format</c> query parameter of the report endpoints: json (default) or csv.</summary>
public static class ExportFormat
{
    public static bool IsCsv(string? format, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "json":
                return false;
            case "csv":
                return true;
            default:
                errors["format"] = [$"format '{format}' is not supported; use json or csv (or the /export.csv address)."];
                return false;
        }
    }
}
