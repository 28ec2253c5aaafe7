using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>What a rollout delivers: a signed firmware bundle (down/firmware) or a configuration document (down/config).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutKind>))]
public enum RolloutKind
{
    [JsonStringEnumMemberName("firmware")]
    Firmware,

    [JsonStringEnumMemberName("config")]
    Config,
}
