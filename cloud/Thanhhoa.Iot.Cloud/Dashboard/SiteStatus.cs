using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// One site on the map: where it is, what it is, and its state now. <see cref="LastPower"/> is the power
/// state the events imply even while the gateway is offline (the map shows offline, the panel says what was last known).
/// </summary>
public sealed record SiteStatus(
    string Code,
    string Name,
    SiteKind Kind,
    IReadOnlyList<string> Operators,
    double Latitude,
    double Longitude,
    string DistrictCode,
    string DistrictName,
    string? CommuneCode,
    string? CommuneName,
    string? DeviceId,
    bool Online,
    SiteState State,
    PowerState LastPower,
    string? PowerCause,
    int ActiveAlarms,
    Severity? WorstSeverity,
    double? BatteryVolts,
    DateTimeOffset? LastSeen);
