namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>The default retention: keep the newest data by dropping the oldest readings until enough bytes are free.</summary>
public sealed class DropOldestReadingsPolicy : IOutboxRetentionPolicy
{
    public RetentionDecision Decide(RetentionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var drop = new List<long>();
        long freed = 0;
        foreach (var reading in context.OldestReadings)
        {
            if (freed >= context.BytesToFree)
            {
                break;
            }

            drop.Add(reading.Seq);
            freed += reading.EstimatedBytes;
        }

        return new RetentionDecision(drop);
    }
}
