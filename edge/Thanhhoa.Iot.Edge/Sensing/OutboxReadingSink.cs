using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>The default sink: every polled reading goes straight into the durable outbox.</summary>
public sealed class OutboxReadingSink(IOutbox outbox) : IReadingSink
{
    public async ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        if (readings.Count > 0)
        {
            await outbox.AppendReadingsAsync(readings, cancellationToken).ConfigureAwait(false);
        }
    }
}
