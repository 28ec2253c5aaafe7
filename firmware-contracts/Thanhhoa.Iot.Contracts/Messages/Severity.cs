using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>How urgent an event is for the IOC.</summary>
[JsonConverter(typeof(WireEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>For the record.</summary>
    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary>Needs attention soon.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Service at risk.</summary>
    [JsonStringEnumMemberName("major")]
    Major,

    /// <summary>Service lost or about to be.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,
}
