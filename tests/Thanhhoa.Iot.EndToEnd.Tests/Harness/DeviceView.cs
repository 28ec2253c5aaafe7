namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

public sealed record DeviceView(string DeviceId, bool Online, long Session, DateTimeOffset? LastSeen, string? OfflineReason, string? Site);
