namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

public sealed record RejectRecordView(string DeviceId, string Reason, string Field, string Detail, string Topic);
