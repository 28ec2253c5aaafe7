using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>One telemetry message waiting for the next group commit, and the caller waiting for it.</summary>
internal sealed class PendingReadings(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt)
{
    public string DeviceId { get; } = deviceId;

    public IReadOnlyList<StoredReading> Readings { get; } = readings;

    public DateTimeOffset SeenAt { get; } = seenAt;

    /// <summary>Set while the group's transaction runs; handed to the caller only after the commit.</summary>
    public AppendResult Result { get; set; }

    /// <summary>The device's registry row as the group's transaction leaves it.</summary>
    public DeviceState? Device { get; set; }

    /// <summary>The version of the device's row the group's transaction writes (<see cref="Device"/>).</summary>
    public DeviceRowVersion RowVersion { get; set; }

    public TaskCompletionSource<ReadingsStored> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
