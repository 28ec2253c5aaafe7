namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>Why provisioning failed; each maps to its own exit code and message in <c>thgw provision</c>.</summary>
public enum ProvisioningFailure
{
    /// <summary>The cloud does not know the token (mistyped, or from another cloud).</summary>
    TokenUnknown,

    TokenUsed,

    TokenExpired,

    TokenRevoked,

    /// <summary>The token is bound to another site than <c>--site</c>.</summary>
    SiteMismatch,

    /// <summary>No answer from the cloud (DNS, TCP, TLS, timeout).</summary>
    CloudUnreachable,

    /// <summary>The cloud answered, but with an error or something that is not a provisioning answer.</summary>
    CloudError,

    /// <summary>The credentials or the configuration could not be written here.</summary>
    LocalWrite,

    /// <summary>The cloud URL would send the token and secret in clear over the network.</summary>
    InsecureUrl,
}
