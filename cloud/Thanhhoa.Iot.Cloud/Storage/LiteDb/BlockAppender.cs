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
    /// <paramref name="at"/>, as it holds the ledger). <paramref name="prepared"/>, when given, is
    /// <see cref="Prepare"/> of the same readings, built off the writer thread and used when all of them are new.
    /// </summary>
    public static (AppendResult Appended, DeviceState Device, int Blocks) Append(
        LiteDatabase db,
        DeviceRowCache rows,
        string deviceId,
        IReadOnlyList<StoredReading> readings,
        DateTimeOffset at,
        Func<DeviceState, DeviceState>? change,
        IReadOnlyList<BsonDocument>? prepared = null)
    {
        var (row, isNew) = rows.LoadOrNew(db, deviceId, at);
        var fresh = AddToLedger(readings, row.Ledger);
        var blocks = fresh.Count == readings.Count && prepared is not null
            ? Insert(db, prepared)
            : Insert(db, Prepare(fresh));

        var next = change is null ? row.State : change(row.State);
        if (isNew || fresh.Count > 0 || change is not null)
        {
            rows.Save(db, next, row.Ledger);
        }

        return (new AppendResult(fresh.Count, readings.Count - fresh.Count), next, blocks);
    }

    /// <summary>The block documents of <paramref name="readings"/>: one per device, hour and time of receipt (<see cref="ReadingBlock.Split"/>).</summary>
    public static IReadOnlyList<BsonDocument> Prepare(IReadOnlyCollection<StoredReading> readings) =>
        readings.Count == 0 ? [] : ReadingBlock.Split(readings).Select(BlockDocuments.From).ToList();

    /// <summary>
    /// Adds numbers stored elsewhere (events, which keep their own documents; control messages, kept in
    /// <c>control_seqs</c>) to the device's ledger: a gateway numbers them all in one sequence space, so a ledger
    /// that skipped them would keep a gap per event or command result in the row every telemetry message rewrites.
    /// A device without a row gets one first seen at <paramref name="at"/>.
    /// </summary>
    public static void MarkStored(LiteDatabase db, DeviceRowCache rows, string deviceId, IEnumerable<long> seqs, DateTimeOffset at)
    {
        var (row, isNew) = rows.LoadOrNew(db, deviceId, at);
        var added = seqs.Aggregate(false, (any, seq) => row.Ledger.Add(seq) | any);
        if (isNew || added)
        {
            rows.Save(db, row.State, row.Ledger);
        }
    }

    /// <summary>Adds the readings' numbers to the ledger; returns those it did not hold (the readings themselves when all are new).</summary>
    private static IReadOnlyList<StoredReading> AddToLedger(IReadOnlyList<StoredReading> readings, SequenceRanges ledger)
    {
        List<StoredReading>? fresh = null;
        for (var i = 0; i < readings.Count; i++)
        {
            if (ledger.Add(readings[i].Seq))
            {
                fresh?.Add(readings[i]);
            }
            else
            {
                fresh ??= [.. readings.Take(i)];
            }
        }

        return fresh ?? readings;
    }

    private static int Insert(LiteDatabase db, IReadOnlyList<BsonDocument> blocks)
    {
        if (blocks.Count > 0)
        {
            db.GetCollection(LiteDbStore.ReadingBlocks).Insert(blocks);
        }

        return blocks.Count;
    }
}
