namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>The gateway behind a site: link, session, firmware, when it was last heard from.</summary>
public sealed record GatewayHealth(
    string DeviceId,
    bool Online,
    long Session,
    string? Firmware,
    DateTimeOffset? LastSeen,
    DateTimeOffset? StateChangedAt,
    string? OfflineReason);
