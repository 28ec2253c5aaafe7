namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>Desired vs reported configuration of one gateway, as <c>GET /api/config/devices/{id}</c> shows it.</summary>
public sealed record DeviceConfigView(string DeviceId, string? Group, long DesiredVersion, ReportedView? Reported, bool InSync, bool Lagging);
