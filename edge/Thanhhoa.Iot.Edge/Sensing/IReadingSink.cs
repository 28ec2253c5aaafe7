namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>
/// Where polled readings go next. The poller only reads; what happens to a reading (report by
/// exception, alarm rules, the outbox) is composed behind this seam.
/// </summary>
public interface IReadingSink
{
    /// <summary>Takes readings polled together; completes once they are handled (for the outbox: on disk).</summary>
    ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken);
}
