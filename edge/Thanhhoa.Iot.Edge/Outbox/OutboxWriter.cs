using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// The single writer: takes every queued request (up to a bound), writes them in one LiteDB
/// transaction, commits, fsyncs the log once, and only then completes the callers (group commit).
/// Runs on its own thread because LiteDB binds an explicit transaction to the thread that began it.
/// </summary>
internal sealed class OutboxWriter
{
    private readonly ChannelReader<OutboxRequest> _queue;
    private readonly OutboxDatabaseHolder _database;
    private readonly IOutboxStorage _storage;
    private readonly QuotaEnforcer _quota;
    private readonly PendingSignal _pending;
    private readonly ILogger _logger;
    private readonly int _maxBatchRows;
    private readonly int _checkpointPages;
    private readonly Thread _thread;
    private OutboxCounters _counters;
    private OutboxSnapshot _snapshot;
    private bool _warnedEventsOnly;
    private long _highestGiven;

    public OutboxWriter(
        ChannelReader<OutboxRequest> queue,
        OutboxDatabaseHolder database,
        IOutboxStorage storage,
        QuotaEnforcer quota,
        PendingSignal pending,
        ILogger logger,
        OutboxOptions options)
    {
        _queue = queue;
        _database = database;
        _storage = storage;
        _quota = quota;
        _pending = pending;
        _logger = logger;
        _maxBatchRows = options.MaxBatchRows;
        _checkpointPages = QuotaEnforcer.CheckpointPagesFor(options);
        _snapshot = new OutboxSnapshot(default, 0, 0, 0, 0, []);
        _thread = new Thread(Run) { IsBackground = true, Name = "outbox-writer" };
    }

    /// <summary>The state as of the last durable commit.</summary>
    public OutboxSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Opens the database on the caller's thread, so a broken outbox stops the host at start.</summary>
    public void OpenAndStart()
    {
        var database = OutboxDatabase.Open(_storage, _checkpointPages);
        Adopt(database);
        _logger.Opened(_storage.Description, _counters.LastSeq, _counters.ReadingCount, _counters.EventCount, Snapshot.UsedBytes, _quota.QuotaBytes);
        _thread.Start();
    }

    public void Join() => _thread.Join();

    private void Run()
    {
        var batch = new List<OutboxRequest>();
        while (_queue.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            TakeBatch(batch);
            if (batch.Count > 0)
            {
                Process(batch);
                batch.Clear();
            }
        }
    }

    private void TakeBatch(List<OutboxRequest> batch)
    {
        var rows = 0;
        while (_queue.TryPeek(out var next) && (batch.Count == 0 || rows + next.Rows <= _maxBatchRows))
        {
            _queue.TryRead(out _);
            if (next.CancellationToken.IsCancellationRequested)
            {
                next.Cancel();
                continue;
            }

            batch.Add(next);
            rows += next.Rows;
        }
    }

    private void Process(List<OutboxRequest> batch)
    {
        try
        {
            var database = _database.Current ?? Reopen();
            var (counters, eviction) = Write(database, batch);
            database.SyncToDisk();
            Publish(database, counters, eviction);
        }
        catch (Exception e)
        {
            HandleFault(batch, e);
            return;
        }

        foreach (var request in batch)
        {
            request.Complete();
        }

        Checkpoint();
    }

    private void Checkpoint()
    {
        try
        {
            _database.Current?.CheckpointIfDue();
        }
        catch (Exception e)
        {
            // The committed rows are durable in the log already; start again from the disk.
            HandleFault([], e);
        }
    }

    private (OutboxCounters Counters, EvictionResult Eviction) Write(OutboxDatabase database, List<OutboxRequest> batch)
    {
        var counters = _counters;
        database.BeginTransaction();
        try
        {
            foreach (var ack in batch.OfType<AcknowledgeRequest>())
            {
                counters = Acknowledge(database, counters, ack.Sequences);
            }

            counters = AppendReadings(database, counters, batch.OfType<AppendReadingsRequest>());
            counters = AppendEvents(database, counters, batch.OfType<AppendEventRequest>());
            counters = AppendMessages(database, counters, batch.OfType<AppendMessageRequest>());

            // After the appends of the same batch, so a row stamped just before the time became trusted is corrected too.
            foreach (var reanchor in batch.OfType<ReanchorRequest>())
            {
                reanchor.Corrected = database.Reanchor(reanchor.Correct);
            }

            var aggregated = new List<DownsampledRange>();
            foreach (var request in batch.OfType<AggregateRequest>())
            {
                (counters, var runs) = _quota.AggregatePending(database, counters, request.Interval);
                aggregated.AddRange(runs);
            }

            var eviction = _quota.Enforce(database, counters);
            eviction = aggregated.Count == 0 ? eviction : eviction with { Downsampled = [.. aggregated, .. eviction.Downsampled] };
            foreach (var range in MergeRanges(eviction.Dropped))
            {
                database.SaveDroppedRange(range);
            }

            foreach (var range in eviction.Downsampled)
            {
                database.SaveDownsampledRange(range);
            }

            database.SaveCounters(eviction.Counters);
            database.Commit();
            return (eviction.Counters, eviction);
        }
        catch
        {
            database.TryRollback();
            throw;
        }
    }

    private static OutboxCounters Acknowledge(OutboxDatabase database, OutboxCounters counters, IReadOnlyList<long> sequences)
    {
        var readings = database.Delete(OutboxDocuments.Readings, sequences);
        counters = counters.WithoutReadings(readings, readings * counters.AverageReadingBytes);
        if (readings < sequences.Count)
        {
            var events = database.Delete(OutboxDocuments.Events, sequences);
            counters = counters.WithoutEvents(events, events * counters.AverageEventBytes);
            if (readings + events < sequences.Count && counters.MessageCount > 0)
            {
                var messages = database.Delete(OutboxDocuments.Messages, sequences);
                counters = counters.WithoutMessages(messages, messages * counters.AverageMessageBytes);
            }
        }

        return counters;
    }

    private OutboxCounters AppendReadings(OutboxDatabase database, OutboxCounters counters, IEnumerable<AppendReadingsRequest> requests)
    {
        var docs = new List<BsonDocument>();
        long bytes = 0;
        var seq = counters.LastSeq;
        foreach (var request in requests)
        {
            request.FirstSeq = seq + 1;
            for (var i = 0; i < request.Readings.Count; i++)
            {
                var reading = request.Readings[i];
                docs.Add(OutboxDocuments.ToDocument(reading, ++seq, request.Stamps?[i]));
                bytes += OutboxDocuments.EstimateReadingBytes(reading.Channel);
            }
        }

        if (docs.Count == 0)
        {
            return counters;
        }

        _highestGiven = Math.Max(_highestGiven, seq);
        database.Insert(OutboxDocuments.Readings, docs);
        return counters with { LastSeq = seq, ReadingCount = counters.ReadingCount + docs.Count, ReadingBytes = counters.ReadingBytes + bytes };
    }

    private OutboxCounters AppendEvents(OutboxDatabase database, OutboxCounters counters, IEnumerable<AppendEventRequest> requests)
    {
        var docs = new List<BsonDocument>();
        long bytes = 0;
        var seq = counters.LastSeq;
        foreach (var request in requests)
        {
            request.Seq = ++seq;
            var doc = OutboxDocuments.ToDocument(request.Draft, seq, request.Stamp);
            docs.Add(doc);
            bytes += OutboxDocuments.EstimateEventBytes(doc);
        }

        if (docs.Count == 0)
        {
            return counters;
        }

        _highestGiven = Math.Max(_highestGiven, seq);
        database.Insert(OutboxDocuments.Events, docs);
        return counters with { LastSeq = seq, EventCount = counters.EventCount + docs.Count, EventBytes = counters.EventBytes + bytes };
    }

    private OutboxCounters AppendMessages(OutboxDatabase database, OutboxCounters counters, IEnumerable<AppendMessageRequest> requests)
    {
        var docs = new List<BsonDocument>();
        long bytes = 0;
        var seq = counters.LastSeq;
        foreach (var request in requests)
        {
            request.Seq = ++seq;
            docs.Add(OutboxDocuments.ToDocument(request.Message, seq));
            bytes += OutboxDocuments.EstimateMessageBytes(request.Message);
        }

        if (docs.Count == 0)
        {
            return counters;
        }

        _highestGiven = Math.Max(_highestGiven, seq);
        database.Insert(OutboxDocuments.Messages, docs);
        return counters with { LastSeq = seq, MessageCount = counters.MessageCount + docs.Count, MessageBytes = counters.MessageBytes + bytes };
    }

    /// <summary>The runs to store: the first one joins the last stored run when they are consecutive.</summary>
    private IEnumerable<DroppedRange> MergeRanges(IReadOnlyList<DroppedRange> runs)
    {
        var stored = _snapshot.DroppedRanges;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (i == 0 && stored.Count > 0 && stored[^1].Last + 1 == run.First)
            {
                run = stored[^1] with { Last = run.Last, DroppedAt = run.DroppedAt };
            }

            yield return run;
        }
    }

    private void Publish(OutboxDatabase database, OutboxCounters counters, EvictionResult eviction)
    {
        var previous = _snapshot;
        var ranges = previous.DroppedRanges;
        if (eviction.Dropped.Count > 0)
        {
            var merged = MergeRanges(eviction.Dropped).ToList();
            var keep = ranges.Count > 0 && merged[0].First == ranges[^1].First ? ranges.Take(ranges.Count - 1) : ranges;
            ranges = [.. keep, .. merged];
            _logger.QuotaReached(_quota.QuotaBytes, _storage.Description, (int)eviction.DroppedCount, eviction.Dropped[0].First, eviction.Dropped[^1].Last);
        }

        if (eviction.Downsampled.Count > 0)
        {
            _logger.Downsampled(_quota.QuotaBytes, _storage.Description, eviction.Downsampled.Sum(r => r.Count), eviction.Downsampled.Count);
        }

        WarnIfOverQuotaWithEventsOnly(eviction, counters);
        _counters = counters;
        Volatile.Write(ref _snapshot, previous with
        {
            Counters = counters,
            DurableSeq = counters.LastSeq,
            UsedBytes = database.FileBytes,
            DroppedReadings = previous.DroppedReadings + eviction.DroppedCount,
            DroppedRanges = ranges,
            DownsampledRanges = eviction.Downsampled.Count == 0 ? previous.DownsampledRanges : [.. previous.DownsampledRanges, .. eviction.Downsampled],
        });
        if (counters.ReadingCount + counters.EventCount + counters.MessageCount > 0)
        {
            _pending.Notify();
        }
    }

    private void WarnIfOverQuotaWithEventsOnly(EvictionResult eviction, OutboxCounters counters)
    {
        if (eviction.OverQuotaWithEventsOnly && !_warnedEventsOnly)
        {
            _logger.OverQuotaWithEventsOnly(_storage.Description, _quota.QuotaBytes, counters.EventCount);
        }

        _warnedEventsOnly = eviction.OverQuotaWithEventsOnly;
    }

    private void HandleFault(List<OutboxRequest> batch, Exception error)
    {
        _logger.WriteFailed(error, batch.Count, _storage.Description);
        var failure = new OutboxWriteException(
            $"The outbox could not store {batch.Sum(r => r.Rows)} rows durably in '{_storage.Description}': {error.Message}. Nothing of this request was stored; rows stored before are kept. Free disk space or check the storage, then retry.",
            error);
        Volatile.Write(ref _snapshot, _snapshot with { FailedWrites = _snapshot.FailedWrites + 1 });

        // LiteDB closes its engine on an I/O error; start again from what is on disk, before the
        // callers hear of the failure so that what they read next is the reopened outbox.
        _database.Replace(null, afterFault: true);
        try
        {
            Reopen();
        }
        catch (Exception reopenError)
        {
            _logger.ReopenFailed(reopenError, _storage.Description);
        }

        foreach (var request in batch)
        {
            request.Fail(failure);
        }
    }

    private OutboxDatabase Reopen()
    {
        var database = OutboxDatabase.Open(_storage, _checkpointPages);
        Adopt(database);
        _logger.Reopened(_storage.Description, Snapshot.DurableSeq);
        _pending.Notify();
        return database;
    }

    private void Adopt(OutboxDatabase database)
    {
        try
        {
            var loaded = database.LoadCounters();
            var ranges = database.LoadDroppedRanges();
            var downsampled = database.LoadDownsampledRanges();
            _quota.ResumeAggregationAfter(downsampled.Count == 0 ? 0 : downsampled.Max(r => r.Last));

            // Numbers given before a fault in this process are never given again, even if they never reached the disk.
            _counters = loaded with { LastSeq = Math.Max(loaded.LastSeq, _highestGiven) };
            Volatile.Write(ref _snapshot, _snapshot with
            {
                Counters = _counters,
                DurableSeq = loaded.LastSeq,
                UsedBytes = database.FileBytes,
                DroppedRanges = ranges,
                DownsampledRanges = downsampled,
            });
        }
        catch
        {
            database.Dispose();
            throw;
        }

        _database.Replace(database);
    }
}
