using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// Payload of <c>down/config</c> (retained): the whole desired configuration of one gateway. The
/// gateway validates all of it, applies all of it or nothing, and answers on <c>up/config-reported</c>.
/// </summary>
public sealed record DesiredConfigMessage
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>Revision of this gateway's desired configuration, 1 or more, one more for every change.</summary>
    [JsonPropertyName("version")]
    public required long ConfigVersion { get; init; }

    /// <summary>When the cloud made this revision (UTC).</summary>
    [JsonPropertyName("ts")]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The settings; what is absent keeps the site profile's value.</summary>
    [JsonPropertyName("settings")]
    public required ConfigSettings Settings { get; init; }
}
