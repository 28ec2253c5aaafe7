using System.Diagnostics;
using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Converts a data file of the layout before blocks (collection "readings": one document per reading,
/// id device|sequence) to blocks and sequence ledgers, once, when the store opens. Chunks of readings
/// are converted in id order; each chunk's blocks, ledgers and the id it reached commit in one
/// transaction, so an interrupted conversion resumes after the last committed chunk and neither loses
/// nor duplicates a reading. The old collection is dropped at the end.
/// </summary>
internal static class LegacyReadingsConversion
{
    public const string Legacy = "readings";
    public const int DefaultChunkSize = 5_000;
    internal const string Meta = "store_meta";
    internal const string CursorId = "readings_to_blocks";

    /// <summary>Converts whatever is left of the old collection; nothing to do (the common case) costs one catalogue look-up.</summary>
    public static void Run(LiteDatabase db, string file, ILogger logger, int chunkSize = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        if (!db.CollectionExists(Legacy))
        {
            db.GetCollection(Meta).Delete(CursorId); // left if a crash fell between the drop and this delete
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var legacy = db.GetCollection(Legacy);
        var after = CursorOf(db);
        var total = (long)legacy.Count();
        var converted = after.Length == 0 ? 0 : (long)legacy.Count(LiteQuery.LTE("_id", after));
        if (total > 0)
        {
            LiteDbLog.ConversionStarted(logger, file, total - converted, total);
        }

        var progress = new Progress(logger, file, total, converted);
        while (ConvertNextChunk(db, chunkSize) is { } chunk)
        {
            progress.Add(chunk);
        }

        db.DropCollection(Legacy);
        db.GetCollection(Meta).Delete(CursorId);
        if (total > 0)
        {
            LiteDbLog.ConversionFinished(logger, file, progress.Converted, progress.Blocks, progress.Duplicates, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>Converts the chunk after the cursor, and moves the cursor, in one transaction; null when none is left.</summary>
    internal static Chunk? ConvertNextChunk(LiteDatabase db, int chunkSize)
    {
        db.BeginTrans();
        try
        {
            var docs = db.GetCollection(Legacy).Query().Where(Query.GT("_id", CursorOf(db))).OrderBy("_id").Limit(chunkSize).ToList();
            if (docs.Count == 0)
            {
                db.Rollback();
                return null;
            }

            var chunk = Convert(db, docs.Select(TelemetryDocuments.ToReading).ToList());
            db.GetCollection(Meta).Upsert(new BsonDocument { ["_id"] = CursorId, ["after"] = docs[^1]["_id"] });
            db.Commit();
            return chunk;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    private static string CursorOf(LiteDatabase db) => db.GetCollection(Meta).FindById(CursorId)?["after"].AsString ?? string.Empty;

    private static Chunk Convert(LiteDatabase db, List<StoredReading> readings)
    {
        int blocks = 0, duplicates = 0;
        var devices = new DeviceRowCache(); // this chunk's transaction only: a rolled-back chunk takes it along
        foreach (var device in readings.GroupBy(r => r.DeviceId, StringComparer.Ordinal))
        {
            var rows = device.ToList();
            var appended = BlockAppender.Append(db, devices, device.Key, rows, rows.Min(r => r.ReceivedAt), change: null);
            blocks += appended.Blocks;
            duplicates += appended.Appended.Duplicates;
        }

        return new Chunk(readings.Count, blocks, duplicates);
    }

    internal readonly record struct Chunk(int Readings, int Blocks, int Duplicates);

    /// <summary>Logs at every tenth of the total, not every chunk: a large file has thousands of chunks.</summary>
    private sealed class Progress(ILogger logger, string file, long total, long converted)
    {
        private int _tenths = total == 0 ? 10 : (int)(converted * 10 / total);

        public long Converted { get; private set; } = converted;

        public long Blocks { get; private set; }

        public long Duplicates { get; private set; }

        public void Add(Chunk chunk)
        {
            Converted += chunk.Readings;
            Blocks += chunk.Blocks;
            Duplicates += chunk.Duplicates;
            var tenths = (int)(Math.Min(Converted, total) * 10 / Math.Max(total, 1));
            if (tenths > _tenths)
            {
                _tenths = tenths;
                LiteDbLog.ConversionProgress(logger, file, Converted, total, tenths * 10);
            }
        }
    }
}
