namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>Configuration section <c>Broker:External</c>: how the cloud reaches an external broker.</summary>
public sealed class ExternalBrokerOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The cloud's client id. Keep it stable: the broker holds the persistent sessions (and the
    /// messages that arrive while the cloud is down) under this id (telemetry lane) and under
    /// <c>{ClientId}-control</c> (control lane, see <see cref="IngestLanes"/>).
    /// </summary>
    public string ClientId { get; set; } = "thiot-cloud-ingest";

    /// <summary>
    /// When set, the telemetry lane subscribes in group <c>{group}</c> and the control lane in group
    /// <c>{group}-control</c> (<c>$share/...</c>), so several cloud nodes share ingest.
    /// </summary>
    public string? SharedGroup { get; set; }

    /// <summary>How long the broker keeps the session (and queues messages) while the cloud is away.</summary>
    public uint SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Telemetry messages being stored at once; each is acknowledged to the broker, in order, once stored. Sent as
    /// Receive Maximum, so it bounds what the store's group commits can gather: with 10,000 gateways a node stored
    /// 399k readings/s at 256 and kept up with the 500k offered at 1,024 (docs/benchmarks.md, "Scale").
    /// </summary>
    public int MaxInFlight { get; set; } = 1024;

    /// <summary>
    /// Control-lane messages (events, state, command results, config and firmware reports) being stored at
    /// once. Small: they are few, and their session must not build a queue of its own.
    /// </summary>
    public int ControlMaxInFlight { get; set; } = 64;
}
