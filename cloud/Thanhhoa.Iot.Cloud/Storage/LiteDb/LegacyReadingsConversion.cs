using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// The steps of converting a data file of the layout before blocks (collection "readings": one document per
/// reading, id device|sequence) to blocks and sequence ledgers; <see cref="LegacyReadingsConverter"/> runs them
/// in the background. Each chunk is one write of the store's <see cref="GroupCommitWriter"/>: the chunk's
/// blocks, the devices' ledgers (through the store's <see cref="DeviceRowCache"/>), the removal of the chunk's
/// old documents and the id it reached commit in the writer's group, so an interrupted conversion resumes after
/// the last committed chunk and neither loses nor duplicates a reading, and a chunk never runs beside another
/// write. A reading a gateway redelivered, stored as a block before its old copy was converted, is in its
/// device's ledger, so the conversion drops the old copy as a duplicate.
/// </summary>
internal static class LegacyReadingsConversion
{
    public const string Legacy = "readings";

    /// <summary>Readings per writer call: small enough that live ingest waits a few milliseconds behind a chunk, not seconds.</summary>
    public const int DefaultChunkSize = 1_000;

    internal const string Meta = "store_meta";
    internal const string CursorId = "readings_to_blocks";

    /// <summary>Whether the file still holds old readings (read outside the writer: one catalogue look-up).</summary>
    public static bool Pending(LiteDatabase db) => db.CollectionExists(Legacy);

    /// <summary>
    /// The readings converted by earlier runs and those left (read outside the writer; counting the old collection
    /// reads its id index, so a large file takes a while, but the store is already open).
    /// </summary>
    public static (long Converted, long Remaining) Count(LiteDatabase db) =>
        (db.GetCollection(Meta).FindById(CursorId)?["done"].AsInt64 ?? 0, db.GetCollection(Legacy).LongCount());

    /// <summary>
    /// Converts the chunk after the cursor, removes its old documents and moves the cursor; null when none is left.
    /// Runs inside the writer's transaction (never begins or commits one itself), and may run twice after a rolled-back group.
    /// </summary>
    internal static Chunk? ConvertNextChunk(LiteDatabase db, DeviceRowCache rows, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        var legacy = db.GetCollection(Legacy);
        var meta = db.GetCollection(Meta).FindById(CursorId);
        var after = meta?["after"].AsString ?? string.Empty;
        var docs = legacy.Query().Where(Query.GT("_id", after)).OrderBy("_id").Limit(chunkSize).ToList();
        if (docs.Count == 0)
        {
            return null;
        }

        var chunk = Convert(db, rows, docs.Select(TelemetryDocuments.ToReading).ToList());
        var last = docs[^1]["_id"];
        legacy.DeleteMany(Query.And(Query.GT("_id", after), Query.LTE("_id", last)));
        var done = (meta?["done"].AsInt64 ?? 0) + docs.Count;
        db.GetCollection(Meta).Upsert(new BsonDocument { ["_id"] = CursorId, ["after"] = last, ["done"] = done });
        return chunk;
    }

    /// <summary>
    /// Deletes the cursor, then drops the (by then empty) old collection: on the writer thread outside a transaction,
    /// as LiteDB drops a collection only there. A crash between the two leaves an empty collection, dropped at the next start.
    /// </summary>
    internal static void Finish(LiteDatabase db)
    {
        db.GetCollection(Meta).Delete(CursorId);
        db.DropCollection(Legacy);
    }

    private static Chunk Convert(LiteDatabase db, DeviceRowCache rows, List<StoredReading> readings)
    {
        int blocks = 0, duplicates = 0;
        foreach (var device in readings.GroupBy(r => r.DeviceId, StringComparer.Ordinal))
        {
            var list = device.ToList();
            var appended = BlockAppender.Append(db, rows, device.Key, list, list.Min(r => r.ReceivedAt), change: null);
            blocks += appended.Blocks;
            duplicates += appended.Appended.Duplicates;
        }

        return new Chunk(readings.Count, blocks, duplicates);
    }

    internal readonly record struct Chunk(int Readings, int Blocks, int Duplicates);
}
