using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// One message's worth of outbox rows. <see cref="Payload"/> is null for a poison row: a row that
/// breaks the contract, that the cloud could never accept, and that must leave the queue.
/// </summary>
internal sealed record UplinkBatch(TopicKind Kind, string Topic, byte[]? Payload, IReadOnlyList<long> Sequences, string? Violation)
{
    /// <summary>The MQTT 5 content type the payload is encoded in.</summary>
    public string ContentType { get; init; } = ContractInfo.JsonContentType;

    public bool IsEvents => Kind == TopicKind.Events;

    public bool IsTelemetry => Kind == TopicKind.Telemetry;

    /// <summary>A name for logs: telemetry, events, cmd-result, config-reported.</summary>
    public string KindName => DeviceTopics.SuffixOf(Kind)[3..];

    public bool IsPoison => Payload is null;

    public long SeqFrom => Sequences[0];

    public long SeqTo => Sequences[^1];
}
