using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// The default retention: first replace old raw telemetry by aggregates — per channel per
/// <c>Outbox:AggregateInterval</c>, min/max/avg/count as four rows (<see cref="AggregateChannels"/>) —
/// and only when that does not free enough, drop the oldest readings (aggregates included).
/// A group of fewer than five readings stays raw: four rows would not save anything.
/// </summary>
public sealed class AggregateThenDropPolicy(TimeSpan interval) : IOutboxRetentionPolicy
{
    private static readonly DropOldestReadingsPolicy Drop = new();

    /// <summary>The interval one aggregate summarises.</summary>
    public TimeSpan Interval { get; } = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "the aggregate interval must be positive");

    public bool Aggregates => true;

    public RetentionDecision Decide(RetentionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var groups = Groups(context.AggregationCandidates);
        var chosen = new List<List<StoredReading>>();
        long freed = 0;
        foreach (var group in groups)
        {
            if (freed >= context.BytesToFree)
            {
                break;
            }

            chosen.Add(group);
            var rowBytes = OutboxDocuments.EstimateReadingBytes(AggregateChannels.Of(group[0].Channel, "avg"));
            freed += group.Sum(r => r.EstimatedBytes) - (AggregateChannels.RowsPerAggregate * rowBytes);
        }

        var aggregates = Replace(chosen);
        if (freed >= context.BytesToFree)
        {
            return new RetentionDecision([]) { Aggregates = aggregates };
        }

        var replaced = aggregates.SelectMany(a => a.Replaced).ToHashSet();
        var rest = context.OldestReadings.Where(r => !replaced.Contains(r.Seq)).ToList();
        var drop = Drop.Decide(context with { BytesToFree = context.BytesToFree - freed, OldestReadings = rest });
        return drop with { Aggregates = aggregates };
    }

    /// <summary>Raw readings grouped by channel and interval, groups ordered by their first sequence number.</summary>
    private List<List<StoredReading>> Groups(IReadOnlyList<StoredReading> candidates)
    {
        var ticks = Interval.Ticks;
        return candidates
            .Where(r => !r.IsAggregate && r.Channel.Length <= AggregateChannels.MaxBaseLength && !AggregateChannels.IsAggregate(r.Channel))
            .GroupBy(r => (r.Channel, Bucket: r.Timestamp.UtcTicks - (((r.Timestamp.UtcTicks % ticks) + ticks) % ticks)))
            .Select(g => g.OrderBy(r => r.Seq).ToList())
            .Where(g => g.Count > AggregateChannels.RowsPerAggregate)
            .OrderBy(g => g[0].Seq)
            .ToList();
    }

    /// <summary>
    /// One replacement for the whole pass. The rows take the smallest replaced sequence numbers (in group
    /// order), so the numbers that leave form few long runs for the loss report instead of one per reading.
    /// </summary>
    private List<AggregateReplacement> Replace(List<List<StoredReading>> groups)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        var seqs = groups.SelectMany(g => g).Select(r => r.Seq).Order().ToList();
        var rows = new List<AggregateRow>();
        foreach (var group in groups)
        {
            rows.AddRange(Rows(group, seqs.Skip(rows.Count).Take(AggregateChannels.RowsPerAggregate).ToList()));
        }

        return [new AggregateReplacement(seqs, rows)];
    }

    private List<AggregateRow> Rows(List<StoredReading> group, List<long> seqs)
    {
        var ticks = Interval.Ticks;
        var at = group[0].Timestamp.UtcTicks;
        var start = new DateTimeOffset(at - (((at % ticks) + ticks) % ticks), TimeSpan.Zero);
        var quality = group.Max(r => r.Quality);
        double[] values = [group.Min(r => r.Value), group.Max(r => r.Value), group.Average(r => r.Value), group.Count];
        var channel = group[0].Channel;
        return [.. values.Select((v, i) => new AggregateRow(seqs[i], AggregateChannels.Of(channel, AggregateChannels.Statistics[i]), start, Finite(v), quality))];
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
