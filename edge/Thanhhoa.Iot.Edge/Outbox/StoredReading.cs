using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>A pending reading as the retention policy sees it.</summary>
/// <param name="Seq">Its sequence number.</param>
/// <param name="Channel">Channel id.</param>
/// <param name="Timestamp">When it was taken.</param>
/// <param name="Value">Its value.</param>
/// <param name="Quality">Its quality.</param>
/// <param name="EstimatedBytes">Disk it takes, as the quota counts it.</param>
public sealed record StoredReading(long Seq, string Channel, DateTimeOffset Timestamp, double Value, Quality Quality, long EstimatedBytes)
{
    /// <summary>An aggregate row written at the quota (never aggregated again).</summary>
    public bool IsAggregate { get; init; }
}
