using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>One device's progress in a rollout.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutDeviceState>))]
public enum RolloutDeviceState
{
    /// <summary>Its wave has not started, or it was released and has not reported yet.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Downloading the bundle (bytes/total in the record).</summary>
    [JsonStringEnumMemberName("downloading")]
    Downloading,

    /// <summary>Bundle downloaded and verified; installing into the inactive slot or restarting into it.</summary>
    [JsonStringEnumMemberName("installed")]
    Installed,

    /// <summary>Running the target firmware after its health check (or, for configuration, the target revision applied).</summary>
    [JsonStringEnumMemberName("committed")]
    Committed,

    /// <summary>The new firmware failed its health check and the gateway went back to the old slot.</summary>
    [JsonStringEnumMemberName("rolled-back")]
    RolledBack,

    /// <summary>Download, verification or installation failed, or the gateway refused the bundle or configuration (reason in the record).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Released, but no progress within stallAfter (offline, or silent). Not a failure: it completes when the device returns.</summary>
    [JsonStringEnumMemberName("stalled")]
    Stalled,
}
