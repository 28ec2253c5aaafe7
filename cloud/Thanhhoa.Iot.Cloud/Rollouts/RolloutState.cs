using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Where a rollout is. Only <see cref="Running"/> rollouts release waves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutState>))]
public enum RolloutState
{
    /// <summary>The wave engine releases the next wave when the current one succeeded and the maintenance window is open.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Stopped by an admin; resume continues where it stopped. Released devices carry on.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>Stopped by the engine: failures passed the error threshold. Released devices carry on; no further wave starts.</summary>
    [JsonStringEnumMemberName("halted")]
    Halted,

    /// <summary>Every wave released and every device committed or failed.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Stopped by an admin; the desired firmware of released, uncommitted devices is cleared.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
