using BenchmarkDotNet.Attributes;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Benchmarks.Uplink;

/// <summary>Cost of turning outbox rows into one up/telemetry payload (peek, validate, encode), per batch size.</summary>
[MemoryDiagnoser]
public class BatchEncodeBenchmarks
{
    private BatchBuilder _builder = null!;

    [Params(100, 500, 2000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var readings = Enumerable.Range(1, Rows)
            .Select(i => new Reading { Seq = i, Channel = "battery_v", Timestamp = start.AddSeconds(i), Value = 51.37 + (i % 7), Quality = Quality.Good })
            .ToList();
        _builder = new BatchBuilder(new FixedOutbox(readings), "sim-0001", 100, Rows);
    }

    [Benchmark]
    public int Build() => _builder.Next()!.Payload!.Length;

    /// <summary>BENCHMARK DOUBLE: always holds the same readings; nothing is ever acknowledged.</summary>
    private sealed class FixedOutbox(IReadOnlyList<Reading> readings) : IOutbox
    {
        public IReadOnlyList<DeviceEvent> PeekEvents(int max) => [];

        public IReadOnlyList<Reading> PeekReadings(int max) => readings;

        public ValueTask<IReadOnlyList<long>> AppendReadingsAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<long> AppendEventAsync(EventDraft draft, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask AcknowledgeAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public Task WaitForPendingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public OutboxStatus GetStatus() => new(readings.Count, 0, readings.Count, 0, 0, 0);
    }
}
