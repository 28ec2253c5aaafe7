namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Configuration section <c>Broker</c>.</summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Embedded broker's plain-TCP port; 0 turns the plain listener off (TLS only).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Plain (unencrypted) MQTT is accepted only on a loopback <see cref="BindAddress"/> unless this is
    /// true: device secrets would otherwise cross the network in clear. Prefer <see cref="Tls"/>.
    /// </summary>
    public bool AllowPlainTcp { get; set; }

    public BrokerTlsOptions Tls { get; set; } = new();

    /// <summary>Embedded broker's listen address (IPv4 or IPv6 literal). Loopback by default: expose it on purpose.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Messages the embedded broker queues per subscriber before it drops the oldest. MQTTnet's
    /// default of 250 silently loses messages for a slow subscriber, so the default here is far higher.
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>Client id of the cloud's own service identity (may publish down/ and subscribe anywhere).</summary>
    public string ServiceClientId { get; set; } = "thiot-cloud";

    /// <summary>The service identity's MQTT password; unset, the cloud generates one on first run (see docs/security.md).</summary>
    public string? ServicePassword { get; set; }

    public ExternalBrokerOptions External { get; set; } = new();
}
