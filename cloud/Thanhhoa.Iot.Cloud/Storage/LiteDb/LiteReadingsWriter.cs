namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// A telemetry message in LiteDB as one write of the group-commit writer: the new readings (as blocks,
/// <see cref="BlockAppender"/>) and the device's registry row with its sequence ledger in the same
/// transaction, so a message costs one place in a group and, within one hour, two documents. Written in the
/// writer's bulk lane: commands, alarms and births queued after it still go first.
/// </summary>
public sealed class LiteReadingsWriter(LiteDbStore store) : IReadingsWriter
{
    public Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        // Built here, not on the one writer thread: the block documents, and the readings that can change the row.
        var prepared = BlockAppender.Prepare(readings);
        var newest = RegistryReadings.NewestPerChannel(readings);
        return store.Writer.WriteBulkAsync(
            db =>
            {
                var (appended, device, _) = BlockAppender.Append(
                    db, store.DeviceRows, deviceId, readings, seenAt, state => RegistryReadings.Apply(state, newest, seenAt), prepared);
                return new ReadingsStored(appended, device);
            },
            cancellationToken);
    }
}
