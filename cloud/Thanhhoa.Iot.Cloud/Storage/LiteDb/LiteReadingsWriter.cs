using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// A telemetry message in LiteDB as one write of the group-commit writer: the new readings and the
/// device's registry row in the same transaction, so a message costs one place in a group, not two.
/// </summary>
public sealed class LiteReadingsWriter(LiteDbStore store) : IReadingsWriter
{
    public Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var docs = readings.Select(TelemetryDocuments.From).ToList();
        return store.Writer.WriteAsync(
            db =>
            {
                var appended = LiteTelemetryStore.InsertNew(db.GetCollection(LiteDbStore.Readings), docs);
                DeviceState? device = null;
                LiteDeviceRegistry.Apply(db, deviceId, seenAt, state => device = RegistryReadings.Apply(state, readings, seenAt));
                return new ReadingsStored(appended, device!);
            },
            cancellationToken);
    }
}
