namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Publishes down/ messages to gateways (QoS 1, as the cloud's service identity).</summary>
public interface IDownlinkPublisher
{
    /// <summary>True when the broker tells which gateway acknowledged which command (the embedded broker does).</summary>
    bool ReportsAcknowledgements { get; }

    /// <summary>Hands the message to the broker: queued in the gateway's session, delivered when it is connected.</summary>
    Task PublishAsync(DownlinkMessage message, CancellationToken cancellationToken);
}
