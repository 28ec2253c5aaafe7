using System.Text.Json;
using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// Payload of <c>down/cmd</c>: one command for one gateway. The gateway runs each <see cref="Id"/> at
/// most once, refuses it outside <see cref="NotBefore"/>..<see cref="Expires"/>, and answers on
/// <c>up/cmd-result</c> with the same id.
/// </summary>
public sealed record DeviceCommand
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>Command id, unique per cloud: 1–64 of <c>[a-z0-9_-]</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>What to do, e.g. <c>ping</c>, <c>read-now</c>, <c>set-output</c>, <c>reboot</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Optional arguments of the command type (a JSON object).</summary>
    [JsonPropertyName("args")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Arguments { get; init; }

    /// <summary>When the cloud issued it (UTC).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Optional: the gateway refuses it before this time.</summary>
    [JsonPropertyName("notBefore")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The gateway refuses it from this time on (reported as <see cref="CommandStatus.Expired"/>).</summary>
    [JsonPropertyName("expires")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Expires { get; init; }
}
