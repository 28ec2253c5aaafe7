namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

public sealed record ReadingView(string DeviceId, long Seq, string Channel, DateTimeOffset Timestamp, double Value);
