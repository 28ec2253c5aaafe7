using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>How a command ended on the gateway.</summary>
[JsonConverter(typeof(WireEnumConverter<CommandStatus>))]
public enum CommandStatus
{
    /// <summary>It ran and did what it was asked.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>It was refused (unknown type, bad arguments, interlock, not yet valid) or it ran and failed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>It arrived after its expiry and never ran.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,
}
