namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

public sealed record RejectCountView(string DeviceId, string Reason, long Count);
