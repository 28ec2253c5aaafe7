using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>How far a reading can be trusted.</summary>
[JsonConverter(typeof(WireEnumConverter<Quality>))]
public enum Quality
{
    /// <summary>Read from a healthy sensor.</summary>
    [JsonStringEnumMemberName("good")]
    Good,

    /// <summary>Read, but doubtful (out of range, stale, estimated, clock not yet trusted).</summary>
    [JsonStringEnumMemberName("uncertain")]
    Uncertain,

    /// <summary>The sensor failed; the value carries no information.</summary>
    [JsonStringEnumMemberName("bad")]
    Bad,
}
