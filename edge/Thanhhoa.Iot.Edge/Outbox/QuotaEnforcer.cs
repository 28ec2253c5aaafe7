namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// Keeps the outbox under its quota inside the writer's transaction: asks the retention policy which
/// readings to drop (events are never offered) and turns what it dropped into ranges for the loss ledger.
/// </summary>
internal sealed class QuotaEnforcer
{
    private const int PageSize = 8192;
    private const int MaxOffered = 100_000;
    private readonly IOutboxRetentionPolicy _policy;
    private readonly TimeProvider _time;

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

    /// <summary>Estimated row bytes allowed before the policy is asked to drop telemetry.</summary>
    public long LiveBudget { get; }

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
        var decision = _policy.Decide(new RetentionContext(bytesToFree, offered, QuotaBytes));
        var bySeq = offered.ToDictionary(r => r.Seq);
        var drop = decision.DropReadings.Where(bySeq.ContainsKey).Distinct().Order().ToList();
        if (drop.Count == 0)
        {
            return new EvictionResult(counters, [], false);
        }

        var deleted = database.Delete(OutboxDocuments.Readings, drop);
        var bytes = drop.Sum(seq => bySeq[seq].EstimatedBytes);
        return new EvictionResult(counters.WithoutReadings(deleted, bytes), ToRuns(drop), false);
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
    public long DroppedCount => Dropped.Sum(r => r.Count);
}
