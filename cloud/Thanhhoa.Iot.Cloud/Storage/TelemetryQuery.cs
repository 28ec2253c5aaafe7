namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// A time-range query over one device's readings or events, ascending by timestamp.
/// <paramref name="From"/> and <paramref name="To"/> are both inclusive.
/// </summary>
public sealed record TelemetryQuery(string DeviceId, string? Channel, DateTimeOffset From, DateTimeOffset To, int Limit);
