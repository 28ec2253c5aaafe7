using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>FAKE sensor behind the real ISensorChannel seam: returns what the test set, counts reads.</summary>
internal sealed class FakeSensor(string id, double value, TimeSpan? pollInterval = null) : ISensorChannel
{
    private int _reads;

    public string Id { get; } = id;

    public string Unit => "V";

    public TimeSpan PollInterval { get; } = pollInterval ?? TimeSpan.FromSeconds(10);

    public double Value { get; set; } = value;

    public Quality Quality { get; set; } = Quality.Good;

    public int Reads => Volatile.Read(ref _reads);

    public ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return ValueTask.FromResult(new SensorReading(Id, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero), Value, Quality));
    }
}
