namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

public sealed record EventView(string DeviceId, long Seq, DateTimeOffset Timestamp, string Code, string Action, IReadOnlyDictionary<string, double>? Values);
