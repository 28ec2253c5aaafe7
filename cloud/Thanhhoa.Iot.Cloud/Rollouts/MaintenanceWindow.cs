using System.Globalization;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// A daily window of local time in which waves may start, e.g. 01:00–05:00 Asia/Ho_Chi_Minh (a window
/// whose end is before its start crosses midnight). Devices already released carry on outside it.
/// </summary>
/// <param name="Start">Local time of day, <c>HH:mm</c>.</param>
/// <param name="End">Local time of day, <c>HH:mm</c> (exclusive).</param>
/// <param name="TimeZone">IANA time zone id.</param>
public sealed record MaintenanceWindow(string Start, string End, string TimeZone = "Asia/Ho_Chi_Minh")
{
    /// <summary>Null when the window is well formed, else what is wrong and how to fix it.</summary>
    public string? Problem()
    {
        if (!TryTime(Start, out _) || !TryTime(End, out _))
        {
            return $"maintenance window '{Start}'–'{End}' is not two times of day; use HH:mm, e.g. 01:00 and 05:00.";
        }

        return TryZone(out _) ? null : $"time zone '{TimeZone}' is unknown; use an IANA id such as Asia/Ho_Chi_Minh.";
    }

    /// <summary>True when <paramref name="at"/> falls inside the window, in the window's time zone.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        if (!TryZone(out var zone) || !TryTime(Start, out var start) || !TryTime(End, out var end))
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return start <= end ? local >= start && local < end : local >= start || local < end;
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private bool TryZone(out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
