using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Whether a gateway's MQTT session is up.</summary>
[JsonConverter(typeof(WireEnumConverter<LinkState>))]
public enum LinkState
{
    /// <summary>Birth: published retained right after connecting.</summary>
    [JsonStringEnumMemberName("online")]
    Online,

    /// <summary>Death: the last will, or a clean goodbye before disconnecting.</summary>
    [JsonStringEnumMemberName("offline")]
    Offline,
}
