using LiteDB;
using LiteDB.Engine;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// One open LiteDB engine over the storage's streams. Writes happen only on the outbox writer
/// thread (LiteDB binds an explicit transaction to its thread); reads may come from any thread.
/// </summary>
internal sealed class OutboxDatabase : IDisposable
{
    private const string MetaId = "state";
    private const int PageSize = 8192;
    private readonly OutboxStreams _streams;
    private readonly LiteEngine _engine;
    private readonly int _checkpointPages;

    private OutboxDatabase(OutboxStreams streams, LiteEngine engine, int checkpointPages)
    {
        _streams = streams;
        _engine = engine;
        _checkpointPages = checkpointPages;
    }

    public long FileBytes => _streams.Length;

    public static OutboxDatabase Open(IOutboxStorage storage, int checkpointPages)
    {
        var streams = storage.Open();
        try
        {
            var engine = new LiteEngine(new EngineSettings { DataStream = streams.Data, LogStream = streams.Log });
            var database = new OutboxDatabase(streams, engine, checkpointPages);
            try
            {
                database.Prepare();
                return database;
            }
            catch
            {
                database.Dispose();
                throw;
            }
        }
        catch
        {
            streams.Dispose();
            throw;
        }
    }

    /// <summary>Makes every committed transaction durable. LiteDB 5.0.21 commits without any flush.</summary>
    public void SyncToDisk() => _streams.Log.Flush();

    /// <summary>After <see cref="SyncToDisk"/>: checkpoints when the log has grown past the configured pages.</summary>
    public void CheckpointIfDue()
    {
        if (_streams.Log.Length > (long)_checkpointPages * PageSize)
        {
            Checkpoint();
        }
    }

    /// <summary>Syncs and checkpoints so the next start has no log to replay; best effort.</summary>
    public void CloseCleanly()
    {
        try
        {
            SyncToDisk();
            Checkpoint();
        }
        catch (Exception)
        {
            // The log stays and is replayed on the next open.
        }

        Dispose();
    }

    /// <summary>
    /// Copies the log into the data file and truncates it. Only ever called right after the log was
    /// synced: LiteDB's own auto-checkpoint (disabled here) runs inside Commit, before the outbox can
    /// fsync the log, and would write pages of a not-yet-durable commit into the data file; a power
    /// cut then leaves a data file that refers to pages it does not have (found by the power-cut test).
    /// The data stream's flush is an fsync, so the data is on disk before the log is truncated.
    /// </summary>
    public void Checkpoint() => _engine.Checkpoint();

    public OutboxCounters LoadCounters()
    {
        var meta = FindById(OutboxDocuments.Meta, MetaId);
        var counters = meta is null
            ? default
            : new OutboxCounters(meta["seq"].AsInt64, meta["rc"].AsInt64, meta["rb"].AsInt64, meta["ec"].AsInt64, meta["eb"].AsInt64)
            {
                // Absent in outboxes written before the control-message lane existed.
                MessageCount = meta.TryGetValue("mc", out var mc) ? mc.AsInt64 : 0,
                MessageBytes = meta.TryGetValue("mb", out var mb) ? mb.AsInt64 : 0,
            };

        // Belt and braces: the high-water mark can never be below a stored row.
        var highest = Math.Max(Math.Max(HighestId(OutboxDocuments.Readings), HighestId(OutboxDocuments.Events)), HighestId(OutboxDocuments.Messages));
        return counters with { LastSeq = Math.Max(counters.LastSeq, highest) };
    }

    public void SaveCounters(OutboxCounters counters)
    {
        var doc = new BsonDocument
        {
            ["_id"] = MetaId,
            ["seq"] = counters.LastSeq,
            ["rc"] = counters.ReadingCount,
            ["rb"] = counters.ReadingBytes,
            ["ec"] = counters.EventCount,
            ["eb"] = counters.EventBytes,
            ["mc"] = counters.MessageCount,
            ["mb"] = counters.MessageBytes,
        };
        _engine.Upsert(OutboxDocuments.Meta, [doc], BsonAutoId.Int64);
    }

    public List<DroppedRange> LoadDroppedRanges() =>
        ReadAll(OutboxDocuments.Dropped, Query.All("_id", Query.Ascending), OutboxDocuments.ToDroppedRange);

    public void SaveDroppedRange(DroppedRange range) =>
        _engine.Upsert(OutboxDocuments.Dropped, [OutboxDocuments.ToDocument(range)], BsonAutoId.Int64);

    public List<DownsampledRange> LoadDownsampledRanges() =>
        ReadAll(OutboxDocuments.Downsampled, Query.All("_id", Query.Ascending), OutboxDocuments.ToDownsampledRange);

    public void SaveDownsampledRange(DownsampledRange range) =>
        _engine.Upsert(OutboxDocuments.Downsampled, [OutboxDocuments.ToDocument(range)], BsonAutoId.Int64);

    public void BeginTransaction() => _engine.BeginTrans();

    public void Commit() => _engine.Commit();

    public void TryRollback()
    {
        try
        {
            _engine.Rollback();
        }
        catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException)
        {
            // The engine closes itself on I/O errors; the outbox reopens it.
        }
    }

    public void Insert(string collection, IEnumerable<BsonDocument> docs) => _engine.Insert(collection, docs, BsonAutoId.Int64);

    public int Delete(string collection, IEnumerable<long> ids) => _engine.Delete(collection, ids.Select(id => new BsonValue(id)));

    public List<StoredReading> OldestReadings(int limit) =>
        Read(OutboxDocuments.Readings, long.MaxValue, limit, OutboxDocuments.ToStoredReading);

    /// <summary>The sequence number of the <paramref name="n"/>-th oldest reading (1-based); 0 when there are fewer.</summary>
    public long SeqOfNthOldestReading(int n)
    {
        if (n <= 0)
        {
            return 0;
        }

        var query = Query.All("_id", Query.Ascending);
        query.Offset = n - 1;
        query.Limit = 1;
        using var reader = _engine.Query(OutboxDocuments.Readings, query);
        return reader.Read() ? reader.Current["_id"].AsInt64 : 0;
    }

    /// <summary>The oldest readings above <paramref name="afterSeq"/>, ascending, at most <paramref name="limit"/>.</summary>
    public List<StoredReading> ReadingsAfter(long afterSeq, int limit)
    {
        var query = Query.All("_id", Query.Ascending);
        query.Where.Add(Query.GT("_id", afterSeq));
        query.Limit = limit;
        return ReadAll(OutboxDocuments.Readings, query, OutboxDocuments.ToStoredReading);
    }

    public List<Reading> PeekReadings(long maxSeq, int max, Func<long, long, DateTimeOffset?>? correct = null) =>
        Read(OutboxDocuments.Readings, maxSeq, max, doc => OutboxDocuments.ToReading(doc, correct));

    public List<DeviceEvent> PeekEvents(long maxSeq, int max, Func<long, long, DateTimeOffset?>? correct = null) =>
        Read(OutboxDocuments.Events, maxSeq, max, doc => OutboxDocuments.ToEvent(doc, correct));

    /// <summary>Corrects the rows stored untrusted that <paramref name="correct"/> can place in time; returns how many.</summary>
    public int Reanchor(Func<long, long, DateTimeOffset?> correct)
    {
        var corrected = 0;
        foreach (var collection in new[] { OutboxDocuments.Readings, OutboxDocuments.Events })
        {
            var query = new Query();
            query.Where.Add(Query.EQ(OutboxDocuments.Untrusted, true));
            var fixable = ReadAll(collection, query, doc => doc).Where(doc => OutboxDocuments.Reanchor(doc, correct)).ToList();
            corrected += fixable.Count == 0 ? 0 : _engine.Update(collection, fixable);
        }

        return corrected;
    }

    public List<PendingMessage> PeekMessages(long maxSeq, int max) =>
        Read(OutboxDocuments.Messages, maxSeq, max, OutboxDocuments.ToMessage);

    /// <summary>Closes an engine that hit a storage fault; runs on the writer thread.</summary>
    public void DisposeAfterFault()
    {
        LiteDbFaultCleanup.ForgetTransactions(_engine);
        Dispose();
    }

    public void Dispose()
    {
        try
        {
            _engine.Dispose();
        }
        catch (Exception)
        {
            // Closing after a storage fault: what is on disk is what the next open recovers.
        }
        finally
        {
            _streams.Dispose();
        }
    }

    private void Prepare()
    {
        // 0 = no automatic checkpoints (neither after commits nor on close); see Checkpoint().
        if (_engine.Pragma("CHECKPOINT").AsInt32 != 0)
        {
            _engine.Pragma("CHECKPOINT", 0);
        }

        // Whatever we just read may have come from the OS cache of a crashed run; make it durable
        // before numbering continues above it.
        _streams.Data.Flush();
        _streams.Log.Flush();
    }

    private List<T> Read<T>(string collection, long maxSeq, int max, Func<BsonDocument, T> map)
    {
        if (max <= 0)
        {
            return [];
        }

        var query = Query.All("_id", Query.Ascending);
        query.Where.Add(Query.LTE("_id", maxSeq));
        query.Limit = max;
        return ReadAll(collection, query, map);
    }

    private List<T> ReadAll<T>(string collection, Query query, Func<BsonDocument, T> map)
    {
        var result = new List<T>();
        using var reader = _engine.Query(collection, query);
        while (reader.Read())
        {
            result.Add(map(reader.Current.AsDocument));
        }

        return result;
    }

    private BsonDocument? FindById(string collection, BsonValue id)
    {
        var query = new Query();
        query.Where.Add(Query.EQ("_id", id));
        using var reader = _engine.Query(collection, query);
        return reader.Read() ? reader.Current.AsDocument : null;
    }

    private long HighestId(string collection)
    {
        var query = Query.All("_id", Query.Descending);
        query.Limit = 1;
        using var reader = _engine.Query(collection, query);
        return reader.Read() ? reader.Current["_id"].AsInt64 : 0;
    }
}
