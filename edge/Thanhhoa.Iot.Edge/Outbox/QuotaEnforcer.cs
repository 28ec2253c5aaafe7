namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Keeps the outbox under its quota inside the writer's transaction: asks the retention policy which
/// readings to replace by aggregates and which to drop (events are never offered), and turns what it
/// replaced and dropped into ranges for the loss ledger.
/// </summary>
internal sealed class QuotaEnforcer
{
    private const int PageSize = 8192;
    private const int MaxOffered = 100_000;
    private readonly IOutboxRetentionPolicy _policy;
    private readonly TimeProvider _time;

    private long _aggregatedThrough;

    public QuotaEnforcer(IOutboxRetentionPolicy policy, TimeProvider time, long quotaBytes, int checkpointPages)
    {
        _policy = policy;
        _time = time;
        QuotaBytes = quotaBytes;

        // The files hold more than the rows: the log (up to a checkpoint plus one batch), LiteDB's
        // header/collection/index pages, and pages freed by deletes that are reused only gradually.
        var logAllowance = (checkpointPages + 64L) * PageSize;
        LiveBudget = Math.Max(64 * 1024, (long)((quotaBytes - logAllowance) * 0.6));
    }

    public long QuotaBytes { get; }

    /// <summary>Oldest readings never offered for aggregation (<c>Outbox:AggregateInFlightReadings</c>).</summary>
    public int InFlightReadings { get; init; }

    /// <summary>Estimated row bytes allowed before the policy is asked to drop telemetry.</summary>
    public long LiveBudget { get; }

    /// <summary>After a (re)open: aggregation continues above the last replaced run, so reported runs only ever grow upward.</summary>
    public void ResumeAggregationAfter(long seq) => _aggregatedThrough = Math.Max(_aggregatedThrough, seq);

    public static int CheckpointPagesFor(OutboxOptions options) =>
        options.CheckpointPages != 0 ? options.CheckpointPages : (int)Math.Clamp(options.QuotaBytes / 8 / PageSize, 16, 1000);

    public EvictionResult Enforce(OutboxDatabase database, OutboxCounters counters)
    {
        if (counters.LiveBytes <= LiveBudget)
        {
            return new EvictionResult(counters, [], false);
        }

        if (counters.ReadingCount == 0)
        {
            return new EvictionResult(counters, [], true);
        }

        // Free a tenth of the budget more than needed, so a full outbox drops in chunks, not on every batch.
        var bytesToFree = counters.LiveBytes - (LiveBudget * 9 / 10);
        var average = Math.Max(1, counters.AverageReadingBytes);
        var limit = (int)Math.Clamp((bytesToFree / average) + 64, 1, MaxOffered);
        var offered = database.OldestReadings(limit);
        var candidates = Candidates(database, limit);
        var decision = _policy.Decide(new RetentionContext(bytesToFree, offered, QuotaBytes) { AggregationCandidates = candidates });
        var (aggregated, replaced, downsampled) = Aggregate(database, counters, decision, candidates);
        var bySeq = offered.ToDictionary(r => r.Seq);
        var drop = decision.DropReadings.Where(s => bySeq.ContainsKey(s) && !replaced.Contains(s)).Distinct().Order().ToList();
        if (drop.Count == 0)
        {
            return new EvictionResult(aggregated, [], false) { Downsampled = downsampled };
        }

        var deleted = database.Delete(OutboxDocuments.Readings, drop);
        var bytes = drop.Sum(seq => bySeq[seq].EstimatedBytes);
        return new EvictionResult(aggregated.WithoutReadings(deleted, bytes), ToRuns(drop), false) { Downsampled = downsampled };
    }

    /// <summary>
    /// Replaces all pending raw telemetry above the last pass by aggregates of <paramref name="interval"/>,
    /// whatever the quota. Only called between two uplink batches, so nothing is in flight.
    /// </summary>
    public (OutboxCounters Counters, List<DownsampledRange> Runs) AggregatePending(OutboxDatabase database, OutboxCounters counters, TimeSpan interval)
    {
        var candidates = database.ReadingsAfter(_aggregatedThrough, MaxOffered);
        if (candidates.Count == 0)
        {
            return (counters, []);
        }

        var decision = new AggregateThenDropPolicy(interval).Decide(new RetentionContext(long.MaxValue, [], QuotaBytes) { AggregationCandidates = candidates });
        var (after, _, runs) = Aggregate(database, counters, decision, candidates);
        return (after, runs);
    }

    /// <summary>
    /// Raw readings above the last aggregation pass, never the oldest <see cref="InFlightReadings"/> (a batch
    /// the uplink may have in flight: its acknowledgement would delete an aggregate that took one of its numbers).
    /// </summary>
    private List<StoredReading> Candidates(OutboxDatabase database, int limit)
    {
        if (!_policy.Aggregates)
        {
            return [];
        }

        var guard = InFlightReadings == 0 ? 0 : database.SeqOfNthOldestReading(InFlightReadings);
        if (InFlightReadings > 0 && guard == 0)
        {
            return [];
        }

        return database.ReadingsAfter(Math.Max(_aggregatedThrough, guard), (int)Math.Min(2L * limit, MaxOffered));
    }

    /// <summary>Applies the policy's replacements: deletes the raw rows, inserts the aggregate rows, records the replaced runs.</summary>
    private (OutboxCounters Counters, HashSet<long> Replaced, List<DownsampledRange> Runs) Aggregate(
        OutboxDatabase database, OutboxCounters counters, RetentionDecision decision, List<StoredReading> candidates)
    {
        var offered = candidates.Where(r => !r.IsAggregate).ToDictionary(r => r.Seq);
        _aggregatedThrough = Math.Max(_aggregatedThrough, candidates.Where(r => r.IsAggregate).Select(r => r.Seq).DefaultIfEmpty().Max());
        var replaced = decision.Aggregates.SelectMany(a => a.Replaced).Where(offered.ContainsKey).ToHashSet();
        var rows = decision.Aggregates.SelectMany(a => a.Rows).Where(r => replaced.Contains(r.Seq)).DistinctBy(r => r.Seq).ToList();
        if (replaced.Count == 0 || rows.Count == 0)
        {
            return (counters, [], []);
        }

        var deleted = database.Delete(OutboxDocuments.Readings, replaced);
        database.Insert(OutboxDocuments.Readings, rows.Select(OutboxDocuments.ToDocument));
        _aggregatedThrough = Math.Max(_aggregatedThrough, replaced.Max());
        var freed = replaced.Sum(seq => offered[seq].EstimatedBytes);
        var added = rows.Sum(r => OutboxDocuments.EstimateReadingBytes(r.Channel));
        var after = counters.WithoutReadings(deleted, freed);
        after = after with { ReadingCount = after.ReadingCount + rows.Count, ReadingBytes = after.ReadingBytes + added };
        var kept = rows.Select(r => r.Seq).ToHashSet();
        return (after, replaced, DownsampledRuns(candidates, seq => replaced.Contains(seq) && !kept.Contains(seq)));
    }

    /// <summary>
    /// Runs of replaced numbers that no remaining reading interrupts: numbers in between that are no
    /// reading (events, control messages) stay inside a run, since the cloud holds them or never counts them.
    /// </summary>
    private List<DownsampledRange> DownsampledRuns(List<StoredReading> candidates, Func<long, bool> left)
    {
        var now = _time.GetUtcNow();
        var runs = new List<DownsampledRange>();
        DownsampledRange? run = null;
        foreach (var reading in candidates)
        {
            if (left(reading.Seq))
            {
                run = run is null ? new DownsampledRange(reading.Seq, reading.Seq, 1, now) : run with { Last = reading.Seq, Count = run.Count + 1 };
                continue;
            }

            if (run is not null)
            {
                runs.Add(run);
                run = null;
            }
        }

        if (run is not null)
        {
            runs.Add(run);
        }

        return runs;
    }

    private List<DroppedRange> ToRuns(List<long> sortedSeqs)
    {
        var now = _time.GetUtcNow();
        var runs = new List<DroppedRange>();
        var first = sortedSeqs[0];
        var last = first;
        foreach (var seq in sortedSeqs.Skip(1))
        {
            if (seq != last + 1)
            {
                runs.Add(new DroppedRange(first, last, now));
                first = seq;
            }

            last = seq;
        }

        runs.Add(new DroppedRange(first, last, now));
        return runs;
    }
}

/// <summary>What one quota check did.</summary>
internal sealed record EvictionResult(OutboxCounters Counters, IReadOnlyList<DroppedRange> Dropped, bool OverQuotaWithEventsOnly)
{
    /// <summary>Runs of readings replaced by aggregates in this check.</summary>
    public IReadOnlyList<DownsampledRange> Downsampled { get; init; } = [];

    public long DroppedCount => Dropped.Sum(r => r.Count);
}
