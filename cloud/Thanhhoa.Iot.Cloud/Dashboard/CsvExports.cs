using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>The CSV form of each report: the same rows and figures as its JSON.</summary>
public static class CsvExports
{
    public static FileContentHttpResult Availability(IReadOnlyList<AvailabilityRow> rows) => File("availability", Csv.Write(
        ["level", "code", "name", "district_code", "sites", "from_utc", "to_utc", "availability", "unknown_share",
         "up_seconds", "down_seconds", "unknown_seconds", "mains_seconds", "battery_seconds", "generator_seconds"],
        rows.Select(r => new object?[]
        {
            r.Level, r.Code, r.Name, r.DistrictCode, r.Sites, r.From, r.To, r.Availability, r.UnknownShare,
            r.UpSeconds, r.DownSeconds, r.UnknownSeconds, r.MainsSeconds, r.BatterySeconds, r.GeneratorSeconds,
        })));

    public static FileContentHttpResult Outages(IReadOnlyList<Outage> outages) => File("outages", Csv.Write(
        ["site", "kind", "start_utc", "end_utc", "start_local", "end_local", "duration_seconds", "cause", "unknown_seconds"],
        outages.Select(o => new object?[]
        {
            o.Site, o.Kind == OutageKind.SiteDown ? "site_down" : "mains_loss", o.Start, o.End, Csv.Local(o.Start), Csv.Local(o.End),
            o.DurationSeconds, o.Cause, o.UnknownSeconds,
        })));

    public static FileContentHttpResult Indicators(IReadOnlyList<IndicatorRow> rows) => File("indicators", Csv.Write(
        ["code", "name", "bts_sites", "shared_bts_sites", "shared_share", "shared_target", "bts_availability_30d",
         "hamlet_stations", "hamlet_availability_30d", "hamlets_reachable", "hamlets_reachable_share"],
        rows.Select(r => new object?[]
        {
            r.Code, r.Name, r.BtsSites, r.SharedBtsSites, r.SharedShare, r.SharedTarget, r.BtsAvailability30d,
            r.HamletStations, r.HamletAvailability30d, r.HamletsReachable, r.HamletsReachableShare,
        })));

    public static FileContentHttpResult Alarms(IReadOnlyList<ActiveAlarm> alarms) => File("alarms", Csv.Write(
        ["id", "site", "site_name", "district_code", "device", "code", "severity", "raised_utc", "raised_local", "message", "acked_by", "acked_utc"],
        alarms.Select(a => new object?[]
        {
            a.Id, a.Site, a.SiteName, a.DistrictCode, a.DeviceId, a.Code, a.Severity.ToString().ToLowerInvariant(), a.RaisedAt, Csv.Local(a.RaisedAt),
            a.Message, a.AckedBy, a.AckedAt,
        })));

    public static FileContentHttpResult Sites(IReadOnlyList<SiteStatus> sites) => File("sites", Csv.Write(
        ["code", "name", "kind", "operators", "latitude", "longitude", "district_code", "district", "commune_code", "commune",
         "device", "online", "state", "active_alarms", "battery_v", "last_seen_utc"],
        sites.Select(s => new object?[]
        {
            s.Code, s.Name, s.Kind.ToString().ToLowerInvariant(), string.Join(';', s.Operators), s.Latitude, s.Longitude, s.DistrictCode,
            s.DistrictName, s.CommuneCode, s.CommuneName, s.DeviceId, s.Online ? "true" : "false", s.State.ToString().ToLowerInvariant(),
            s.ActiveAlarms, s.BatteryVolts, s.LastSeen,
        })));

    private static FileContentHttpResult File(string name, byte[] bytes) => TypedResults.File(bytes, Csv.ContentType, $"{name}.csv");
}
