namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Collects validation errors, each naming the thing, the field, the value and what to do.</summary>
public sealed class ProfileErrors
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> All => _errors;

    public void Add(string error) => _errors.Add(error);

    /// <summary>Parses a duration field; reports it when it is not a duration or is below <paramref name="minimum"/>.</summary>
    public TimeSpan? Duration(string where, string field, string? text, TimeSpan minimum)
    {
        if (!DurationText.TryParse(text, out var value))
        {
            Add($"{where}: {field} '{text}' is not a duration; write e.g. 500ms, 10s, 5m or 00:00:10");
            return null;
        }

        if (value < minimum)
        {
            Add($"{where}: {field} '{text}' must be at least {DurationText.Format(minimum)}");
            return null;
        }

        return value;
    }

    public void Require(bool condition, string error)
    {
        if (!condition)
        {
            Add(error);
        }
    }
}
