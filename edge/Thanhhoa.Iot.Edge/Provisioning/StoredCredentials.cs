namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>Where <c>thgw provision</c> put the secret (0600) and the pinned CA, in <see cref="Directory"/> (0700).</summary>
public sealed record StoredCredentials(string Directory, string SecretFile, string? CaCertificateFile);
