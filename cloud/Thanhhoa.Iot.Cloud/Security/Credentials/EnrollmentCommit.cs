namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>What one successful provisioning writes: redeem <see cref="TokenId"/> and store <see cref="Credential"/>.</summary>
public sealed record EnrollmentCommit(string TokenId, DeviceCredential Credential, DateTimeOffset At);
