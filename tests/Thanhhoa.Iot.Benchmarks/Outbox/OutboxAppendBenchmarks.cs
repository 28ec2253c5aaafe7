using System.Collections.Concurrent;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Benchmarks.Outbox;

/// <summary>
/// Durable appends of single readings from N concurrent appenders: the outbox's group commit against
/// plain LiteDB made durable the naive way (one commit + one fsync per reading) and plain LiteDB
/// without fsync (LiteDB's default, not durable). Each invocation appends <see cref="ReadingsPerInvoke"/>
/// readings; the per-append latency (p50/p99 over the measured iteration) is printed as a
/// <c>// LATENCY</c> line in the BenchmarkDotNet log.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 4, invocationCount: 1)]
[MemoryDiagnoser]
public class OutboxAppendBenchmarks
{
    public const int ReadingsPerInvoke = 2048;
    private readonly ConcurrentBag<long> _latencyTicks = [];
    private readonly Lock _gate = new();
    private TempDirectory _dir = null!;
    private LiteDbOutbox _outbox = null!;
    private OutboxStreams _naiveStreams = null!;
    private LiteEngine _naive = null!;
    private LiteEngine _plain = null!;
    private long _nextId;
    private string _method = "";
    private SensorReading[] _pollCycle = [];

    [Params(8, 64)]
    public int Appenders { get; set; }

    /// <summary>Readings per append call: 1, or 16 as one poll cycle of a site delivers them.</summary>
    [Params(1, 16)]
    public int ReadingsPerAppend { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = new TempDirectory("thiot-bench-outbox");
        _outbox = LiteDbOutbox.Open(new OutboxOptions { DataDirectory = _dir.File("outbox") });
        _naiveStreams = new FileOutboxStorage(Options.Create(new OutboxOptions { DataDirectory = _dir.File("naive") })).Open();
        _naive = new LiteEngine(new EngineSettings { DataStream = _naiveStreams.Data, LogStream = _naiveStreams.Log });
        _plain = new LiteEngine(new EngineSettings { Filename = _dir.File("plain.db") });
        _pollCycle = Enumerable.Range(0, ReadingsPerAppend)
            .Select(i => new SensorReading($"ch{i}", DateTimeOffset.UnixEpoch, 51.2, Quality.Good))
            .ToArray();
    }

    [IterationSetup]
    public void ResetLatencies() => _latencyTicks.Clear();

    [Benchmark(Baseline = true, OperationsPerInvoke = ReadingsPerInvoke, Description = "LiteDB commit+fsync per reading")]
    public Task NaiveDurableLiteDb() => RunAppenders(nameof(NaiveDurableLiteDb), () =>
    {
        for (var i = 0; i < ReadingsPerAppend; i++)
        {
            lock (_gate)
            {
                _naive.Insert("r", [Document()], BsonAutoId.Int64);
                _naiveStreams.Log.Flush(); // fsync: LiteDB 5.0.21 commits without flushing
            }
        }

        return ValueTask.CompletedTask;
    });

    [Benchmark(OperationsPerInvoke = ReadingsPerInvoke, Description = "LiteDbOutbox group commit (durable)")]
    public Task GroupCommitOutbox() => RunAppenders(nameof(GroupCommitOutbox), async () =>
        await _outbox.AppendReadingsAsync(_pollCycle, CancellationToken.None));

    [Benchmark(OperationsPerInvoke = ReadingsPerInvoke, Description = "LiteDB commit per reading, no fsync (not durable)")]
    public Task PlainLiteDbNotDurable() => RunAppenders(nameof(PlainLiteDbNotDurable), () =>
    {
        for (var i = 0; i < ReadingsPerAppend; i++)
        {
            lock (_gate)
            {
                _plain.Insert("r", [Document()], BsonAutoId.Int64);
            }
        }

        return ValueTask.CompletedTask;
    });

    [GlobalCleanup]
    public void Cleanup()
    {
        var sorted = _latencyTicks.Order().ToArray();
        if (sorted.Length > 0)
        {
            var line = $"{DateTimeOffset.UtcNow:O} {_method} appenders={Appenders} readingsPerAppend={ReadingsPerAppend} appends={sorted.Length} p50={Ms(sorted, 0.50):F3}ms p99={Ms(sorted, 0.99):F3}ms max={Ms(sorted, 1.0):F3}ms";
            Console.WriteLine($"// LATENCY {line}");
        }

        _outbox.Dispose();
        _naive.Dispose();
        _naiveStreams.Dispose();
        _plain.Dispose();
        _dir.Dispose();
    }

    private static double Ms(long[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))] * 1000.0 / Stopwatch.Frequency;

    private BsonDocument Document() => new()
    {
        ["_id"] = Interlocked.Increment(ref _nextId),
        ["c"] = "battery_v",
        ["t"] = 0L,
        ["v"] = 51.2,
        ["q"] = 0,
    };

    private Task RunAppenders(string method, Func<ValueTask> append)
    {
        _method = method;
        var perAppender = ReadingsPerInvoke / Appenders / ReadingsPerAppend;
        return Task.WhenAll(Enumerable.Range(0, Appenders).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perAppender; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await append();
                _latencyTicks.Add(Stopwatch.GetTimestamp() - start);
            }
        })));
    }
}
