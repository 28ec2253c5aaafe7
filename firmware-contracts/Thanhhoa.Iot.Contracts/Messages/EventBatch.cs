using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Payload of <c>up/events</c>: events in ascending sequence order.</summary>
public sealed record EventBatch
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>Lowest sequence number in the batch.</summary>
    [JsonPropertyName("seqFrom")]
    public required long SeqFrom { get; init; }

    /// <summary>Highest sequence number in the batch.</summary>
    [JsonPropertyName("seqTo")]
    public required long SeqTo { get; init; }

    /// <summary>The events, 1 to <see cref="ContractInfo.MaxEventsPerBatch"/>, ascending by sequence.</summary>
    [JsonPropertyName("events")]
    public required IReadOnlyList<DeviceEvent> Events { get; init; }
}
