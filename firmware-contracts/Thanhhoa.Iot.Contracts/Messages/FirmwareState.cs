using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>Where a gateway is with one firmware rollout; the terminal states are committed, rolled-back, failed and refused.</summary>
[JsonConverter(typeof(WireEnumConverter<FirmwareState>))]
public enum FirmwareState
{
    /// <summary>Fetching the bundle; <c>bytes</c>/<c>total</c> say how far.</summary>
    [JsonStringEnumMemberName("downloading")]
    Downloading,

    /// <summary>The bundle is on disk and its hash matches the desired one.</summary>
    [JsonStringEnumMemberName("downloaded")]
    Downloaded,

    /// <summary>The signature checked out; unpacking into the inactive slot.</summary>
    [JsonStringEnumMemberName("installing")]
    Installing,

    /// <summary>The new slot is on trial; the gateway is restarting into it.</summary>
    [JsonStringEnumMemberName("restarting")]
    Restarting,

    /// <summary>The new version passed its health check and is the one that boots from now on (terminal).</summary>
    [JsonStringEnumMemberName("committed")]
    Committed,

    /// <summary>The new version failed its health check or crash-looped; the old slot runs again (terminal, reason required).</summary>
    [JsonStringEnumMemberName("rolled-back")]
    RolledBack,

    /// <summary>Something went wrong before anything was installed, e.g. the download or unpacking (terminal, reason required).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The gateway will not install this bundle: unsigned, tampered, wrong hardware, downgrade, no disk space (terminal, reason required).</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
}
