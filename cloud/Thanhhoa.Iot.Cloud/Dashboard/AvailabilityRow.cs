using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// Availability of one site, one area (district) or the province over a range. <see cref="Availability"/> =
/// up / (up + down), unknown (no contact) excluded from both; <see cref="UnknownShare"/> = unknown / all time.
/// </summary>
public sealed record AvailabilityRow(
    string Level,
    string Code,
    string Name,
    string DistrictCode,
    int Sites,
    DateTimeOffset From,
    DateTimeOffset To,
    double? Availability,
    double? UnknownShare,
    double UpSeconds,
    double DownSeconds,
    double UnknownSeconds,
    double MainsSeconds,
    double BatterySeconds,
    double GeneratorSeconds)
{
    public static AvailabilityRow Of(string level, string code, string name, string district, int sites, ReportRange range, AvailabilityFigures f)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(f);
        return new(level, code, name, district, sites, range.From, range.To, f.Availability, f.UnknownShare,
            f.UpSeconds, f.DownSeconds, f.UnknownSeconds, f.MainsSeconds, f.BatterySeconds, f.GeneratorSeconds);
    }
}
