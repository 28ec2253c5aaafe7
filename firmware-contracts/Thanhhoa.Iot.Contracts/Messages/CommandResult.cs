using System.Text.Json;
using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Payload of <c>up/cmd-result</c>: how one command ended, by command id.</summary>
public sealed record CommandResult
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>The command's id, as received on <c>down/cmd</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Succeeded, failed or expired.</summary>
    [JsonPropertyName("status")]
    public required CommandStatus Status { get; init; }

    /// <summary>When the gateway finished with it (UTC).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// Optional: the gateway's sequence number for this message (shared with readings and events), so the
    /// cloud's loss ledger counts it as received instead of as a gap. Absent from older gateways.
    /// </summary>
    [JsonPropertyName("seq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Seq { get; init; }

    /// <summary>Optional result of the command type (a JSON object), e.g. fresh readings for <c>read-now</c>.</summary>
    [JsonPropertyName("result")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Result { get; init; }

    /// <summary>Error code; required unless succeeded, e.g. <c>expired</c>, <c>interlock</c>, <c>unknown-type</c>.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>Optional human-readable detail, at most 500 characters.</summary>
    [JsonPropertyName("msg")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
