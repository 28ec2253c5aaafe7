using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>A PUBLISH as the test broker saw it, and the PUBACK reason the test let through (Success becomes NoMatchingSubscribers on the wire when nobody listens).</summary>
public sealed record ReceivedMessage(string ClientId, string Topic, byte[] Payload, bool Retain, string? ContentType, MqttPubAckReasonCode Answer)
{
    public bool IsState => Topic.EndsWith("/up/state", StringComparison.Ordinal);

    public bool IsTelemetry => Topic.EndsWith("/up/telemetry", StringComparison.Ordinal);

    public bool IsEvents => Topic.EndsWith("/up/events", StringComparison.Ordinal);

    public bool Accepted => Answer is MqttPubAckReasonCode.Success or MqttPubAckReasonCode.NoMatchingSubscribers;

    public StateMessage State => JsonCodec.DecodeState(Payload);

    /// <summary>The sequence numbers a telemetry or events message carries.</summary>
    public IReadOnlyList<long> Sequences => IsTelemetry
        ? Telemetry.Readings.Select(r => r.Seq).ToList()
        : IsEvents ? Events.Events.Select(e => e.Seq).ToList() : [];

    /// <summary>The telemetry batch, decoded by its content type.</summary>
    public TelemetryBatch Telemetry => PayloadCodec.DecodeTelemetry(ContentType, Payload);

    /// <summary>The event batch, decoded by its content type.</summary>
    public EventBatch Events => PayloadCodec.DecodeEvents(ContentType, Payload);
}
