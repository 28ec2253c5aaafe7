namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>
/// Configuration section <c>Provisioning</c>: the broker address handed to gateways at provisioning.
/// Defaults suit the embedded broker: the host name the gateway used to reach the cloud, the TLS port
/// (with the CA to pin) when TLS is on, the plain port otherwise.
/// </summary>
public sealed class ProvisioningOptions
{
    public const string Section = "Provisioning";

    /// <summary>Broker host name gateways connect to; unset: the host of the provisioning request.</summary>
    public string? BrokerHost { get; set; }

    /// <summary>Broker port; unset: Broker:Tls:Port with TLS, else Broker:Port (or Broker:External:Port).</summary>
    public int? BrokerPort { get; set; }

    /// <summary>External broker only: whether gateways use TLS, and the CA file (PEM) they pin.</summary>
    public bool ExternalBrokerUsesTls { get; set; }

    public string? ExternalBrokerCaFile { get; set; }
}
