using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>The site panel: status, gateway health, latest readings, active alarms and the battery autonomy estimate.</summary>
public sealed record SiteDetail(
    SiteStatus Status,
    GatewayHealth? Gateway,
    IReadOnlyList<LatestReading> Readings,
    IReadOnlyList<ActiveAlarm> Alarms,
    AutonomyEstimate? Autonomy);
