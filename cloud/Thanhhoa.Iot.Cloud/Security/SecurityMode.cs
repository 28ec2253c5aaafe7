namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>How strictly the cloud checks who calls it (configuration key <c>Security:Mode</c>).</summary>
public enum SecurityMode
{
    /// <summary>Every API call needs an API key, every device its provisioned secret. The default.</summary>
    Enforced,

    /// <summary>
    /// For the local demo and tests only, and logged loudly: API calls without a key act as an operator
    /// (read everything, acknowledge alarms), and device ids that were never provisioned may connect
    /// without a secret. Provisioned devices still need theirs; revoked ones stay out.
    /// </summary>
    Development,
}
