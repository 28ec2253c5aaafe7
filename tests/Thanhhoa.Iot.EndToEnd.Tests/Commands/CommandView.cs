namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>A command as <c>GET /api/commands/{id}</c> shows it (the test's own view of the REST contract).</summary>
public sealed record CommandView(
    string Id, string DeviceId, string Type, string Status, int Publishes, DateTimeOffset? DeliveredAt,
    string? ResultStatus, string? Error, string? Message, bool Late);
