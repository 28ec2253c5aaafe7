using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Payload of <c>up/config-reported</c>: the answer to one <c>down/config</c> revision.</summary>
public sealed record ConfigReport
{
    /// <summary>Contract version; must equal <see cref="ContractInfo.Version"/>.</summary>
    [JsonPropertyName("v")]
    public required int Version { get; init; }

    /// <summary>The desired configuration revision this report answers.</summary>
    [JsonPropertyName("version")]
    public required long ConfigVersion { get; init; }

    /// <summary>Applied or refused.</summary>
    [JsonPropertyName("status")]
    public required ConfigReportStatus Status { get; init; }

    /// <summary>When the gateway decided (UTC).</summary>
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

    /// <summary>The revision in force after this decision; absent while only the site profile is in force.</summary>
    [JsonPropertyName("appliedVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? AppliedVersion { get; init; }

    /// <summary>Refused only: the first offending field as a JSON path, e.g. <c>$.settings.channels.battery_v.pollSeconds</c>.</summary>
    [JsonPropertyName("field")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    /// <summary>Refused only: why, in words a platform operator can act on.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}
