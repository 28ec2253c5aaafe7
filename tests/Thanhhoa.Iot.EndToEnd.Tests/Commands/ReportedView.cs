namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>What a gateway reported, as <c>GET /api/config/devices/{id}</c> shows it (status in its wire form: applied, refused).</summary>
public sealed record ReportedView(long Version, string Status, long? AppliedVersion, string? Field, string? Reason);
