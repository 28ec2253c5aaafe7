namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>How many messages of one device were refused for one reason.</summary>
public sealed record RejectCount(string DeviceId, string Reason, long Count);
