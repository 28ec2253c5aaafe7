using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>What an event says about its condition.</summary>
[JsonConverter(typeof(WireEnumConverter<EventAction>))]
public enum EventAction
{
    /// <summary>The condition began (an alarm is raised).</summary>
    [JsonStringEnumMemberName("raise")]
    Raise,

    /// <summary>The condition ended (an alarm clears).</summary>
    [JsonStringEnumMemberName("clear")]
    Clear,

    /// <summary>Something happened once; there is nothing to clear.</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
