using LiteDB;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Stores one device's readings inside the writer's transaction: the readings whose sequence number the
/// device's ledger does not hold become blocks (one document per hour they fall in), and the ledger,
/// kept in the device's registry document, gains them. The first write of a (device, sequence) wins;
/// a second copy inside the same call is a duplicate too.
/// </summary>
internal static class BlockAppender
{
    /// <summary>
    /// Appends <paramref name="readings"/> (all of <paramref name="deviceId"/>) and writes the registry row as
    /// <paramref name="change"/> leaves it (unchanged when null; a device without a row gets one first seen at
    /// <paramref name="at"/>, as it holds the ledger).
    /// </summary>
    public static (AppendResult Appended, DeviceState Device, int Blocks) Append(
        LiteDatabase db, string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset at, Func<DeviceState, DeviceState>? change)
    {
        var devices = db.GetCollection(LiteDbStore.Devices);
        var existing = devices.FindById(deviceId);
        var ledger = DeviceDocuments.LedgerOf(existing);
        var fresh = readings.Where(r => ledger.Add(r.Seq)).ToList();
        var blocks = InsertBlocks(db, fresh);

        var state = existing is null ? DeviceState.New(deviceId, at) : DeviceDocuments.ToState(existing);
        var next = change is null ? state : change(state);
        if (existing is null || fresh.Count > 0 || change is not null)
        {
            var doc = DeviceDocuments.From(next);
            DeviceDocuments.SetLedger(doc, ledger);
            devices.Upsert(doc);
        }

        return (new AppendResult(fresh.Count, readings.Count - fresh.Count), next, blocks);
    }

    /// <summary>
    /// Adds numbers stored elsewhere (events, which keep their own documents) to the device's ledger: readings and
    /// events share one sequence space per gateway, so a ledger that skipped them would keep a gap per event in the
    /// row every telemetry message rewrites. A device without a row gets one first seen at <paramref name="at"/>.
    /// </summary>
    public static void MarkStored(LiteDatabase db, string deviceId, IEnumerable<long> seqs, DateTimeOffset at)
    {
        var devices = db.GetCollection(LiteDbStore.Devices);
        var existing = devices.FindById(deviceId);
        var ledger = DeviceDocuments.LedgerOf(existing);
        var added = seqs.Aggregate(false, (any, seq) => ledger.Add(seq) | any);
        if (existing is null || added)
        {
            var doc = existing ?? DeviceDocuments.From(DeviceState.New(deviceId, at));
            DeviceDocuments.SetLedger(doc, ledger);
            devices.Upsert(doc);
        }
    }

    /// <summary>One block per device, hour and time of receipt (<see cref="ReadingBlock.Split"/>).</summary>
    private static int InsertBlocks(LiteDatabase db, IReadOnlyCollection<StoredReading> readings)
    {
        if (readings.Count == 0)
        {
            return 0;
        }

        var blocks = db.GetCollection(LiteDbStore.ReadingBlocks);
        var inserted = 0;
        foreach (var block in ReadingBlock.Split(readings))
        {
            blocks.Insert(BlockDocuments.From(block));
            inserted++;
        }

        return inserted;
    }
}
