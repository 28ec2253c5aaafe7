using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>What a gateway did with a desired configuration.</summary>
[JsonConverter(typeof(WireEnumConverter<ConfigReportStatus>))]
public enum ConfigReportStatus
{
    /// <summary>The whole document is in force.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>Nothing of it is in force; the previous configuration stays.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
}
