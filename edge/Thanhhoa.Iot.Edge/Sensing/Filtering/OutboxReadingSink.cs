using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Sensing.Filtering;

/// <summary>The end of the pipeline: readings into the durable outbox.</summary>
public sealed class OutboxReadingSink : IReadingSink
{
    private readonly IOutbox _outbox;

    public OutboxReadingSink(IOutbox outbox)
    {
        _outbox = outbox;
    }

    public async ValueTask AcceptAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken) =>
        await _outbox.AppendReadingsAsync(readings, cancellationToken).ConfigureAwait(false);
}
