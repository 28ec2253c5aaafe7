using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>How the gateway reaches its MQTT broker. Section <c>Uplink</c>. The client id is the device id.</summary>
public sealed class UplinkOptions
{
    public const string SectionName = "Uplink";

    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Per-device user name; empty for anonymous brokers.</summary>
    public string? Username { get; set; }

    /// <summary>Per-device password. Never logged. Provisioned gateways use <see cref="PasswordFile"/> instead.</summary>
    public string? Password { get; set; }

    /// <summary>File holding the per-device secret (written owner-only by <c>thgw provision</c>); read at each connect.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Use TLS: validated against <see cref="CaCertificateFile"/> when set, else the system's trust store.</summary>
    public bool UseTls { get; set; }

    /// <summary>The CA (PEM) the broker's certificate must chain to: the pin <c>thgw provision</c> stores. No other CA is trusted.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>
    /// Encoding of <c>up/telemetry</c> and <c>up/events</c> batches: <c>json</c> (default, readable),
    /// <c>cbor</c>, or <c>cbor+deflate</c> (fewest bytes; use it on 2G/3G links with prepaid data caps).
    /// Published with the matching MQTT 5 content type; state, command results and configuration reports stay JSON.
    /// </summary>
    public string Encoding { get; set; } = "json";

    /// <summary>The parsed <see cref="Encoding"/>; null when it is not one of the three names.</summary>
    public PayloadEncoding? PayloadEncoding => Encoding?.Trim().ToLowerInvariant() switch
    {
        "json" => Contracts.Codec.PayloadEncoding.Json,
        "cbor" => Contracts.Codec.PayloadEncoding.Cbor,
        "cbor+deflate" => Contracts.Codec.PayloadEncoding.CborDeflate,
        _ => null,
    };

    /// <summary>
    /// MQTT keep-alive period. With <see cref="OperationTimeout"/> it bounds how long a silently dead
    /// link goes unnoticed: KeepAlive + OperationTimeout when idle (PINGREQ unanswered), OperationTimeout
    /// under traffic (PUBACK missing). The defaults (25 s + 20 s) detect within 60 s; shorter costs
    /// prepaid data (a PINGREQ/PINGRESP pair is ~4 bytes of MQTT, ~100 bytes with TCP/IP headers).
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long the broker keeps the session (and queues down/ messages) while the gateway is offline.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long to wait for CONNACK, PUBACK and SUBACK before the link counts as broken.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most readings per <c>up/telemetry</c> message.</summary>
    public int ReadingsPerBatch { get; set; } = 500;

    /// <summary>Most events per <c>up/events</c> message.</summary>
    public int EventsPerBatch { get; set; } = 100;

    /// <summary>First reconnect/retry delay ceiling; the ceiling doubles per failure (full jitter below it).</summary>
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest reconnect/retry delay.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a graceful stop may spend publishing the offline state and disconnecting.</summary>
    public TimeSpan GoodbyeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
