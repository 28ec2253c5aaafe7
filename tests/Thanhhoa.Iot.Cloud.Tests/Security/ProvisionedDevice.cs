namespace Thanhhoa.Iot.Cloud.Tests.Security;

internal sealed record ProvisionedDevice(string DeviceId, string Secret, string? Site);
