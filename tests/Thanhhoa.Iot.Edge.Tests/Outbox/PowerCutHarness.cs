using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport.Storage;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>
/// Runs concurrent appends (random batch sizes, some events, some acknowledgements) against an
/// outbox on a <see cref="SimulatedDisk"/>, cuts the power at a random write/flush, reboots, and
/// compares what the reopened outbox holds with what callers were told was stored.
/// </summary>
internal sealed class PowerCutHarness(SimulatedDisk disk, bool durable, int seed)
{
    private const int Appenders = 3;
    private readonly Random _random = new(seed);
    private readonly HashSet<long> _stored = [];        // append completed: must survive unless an ack was asked for
    private readonly HashSet<long> _ackRequested = []; // may be present or gone
    private readonly HashSet<long> _ackCompleted = []; // must be gone
    private readonly Lock _gate = new();
    private long _highestAcknowledged;
    private long _cycleFloor;       // highest stored number when the cycle began: new ones must be above
    private long _reusedNumbers;

    public PowerCutReport Run(int cycles)
    {
        var report = new PowerCutReport();
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            disk.PowerOn();
            LiteDbOutbox outbox;
            try
            {
                outbox = Create(Options("unused", checkpointPages: 8), new SimulatedOutboxStorage(disk, durable));
            }
            catch (Exception e)
            {
                report.Failures.Add($"cycle {cycle}: the database did not reopen: {e.GetType().Name}: {e.Message}");
                return report;
            }

            using (outbox)
            {
                try
                {
                    Verify(outbox, cycle, report);
                }
                catch (Exception e)
                {
                    report.Failures.Add($"cycle {cycle}: the reopened database could not be read: {e.GetType().Name}: {e.Message}");
                    return report;
                }

                disk.ArmPowerCut(_random.Next(1, 120), new Random(_random.Next()));
                RunUntilPowerCut(outbox, _random.Next());
            }

            report.Cycles++;
        }

        return report;
    }

    private void Verify(LiteDbOutbox outbox, int cycle, PowerCutReport report)
    {
        var stored = StoredSequences(outbox);
        var lost = _stored.Where(s => !stored.Contains(s) && !_ackRequested.Contains(s)).Order().ToList();
        var resurrected = _ackCompleted.Where(stored.Contains).Order().ToList();
        if (lost.Count > 0)
        {
            report.LostSequences += lost.Count;
            report.Failures.Add($"cycle {cycle}: {lost.Count} acknowledged-as-stored rows missing, e.g. {string.Join(", ", lost.Take(5))}");
        }

        if (resurrected.Count > 0)
        {
            report.Failures.Add($"cycle {cycle}: {resurrected.Count} rows removed by a completed acknowledgement came back, e.g. {string.Join(", ", resurrected.Take(5))}");
        }

        var last = outbox.GetStatus().LastSequence;
        if (last < _highestAcknowledged)
        {
            report.ReusableSequences++;
            report.Failures.Add($"cycle {cycle}: last sequence {last} is below {_highestAcknowledged}, already given to a stored row; numbers would repeat");
        }

        if (_reusedNumbers > 0)
        {
            report.ReusableSequences++;
            report.Failures.Add($"cycle {cycle - 1}: {_reusedNumbers} appends got numbers at or below {_cycleFloor}, already given before the power cut");
        }

        _cycleFloor = _highestAcknowledged;
        _reusedNumbers = 0;

        // From here on the harness requires only rows that are present and nobody asked to remove.
        _stored.IntersectWith(stored);
        _stored.ExceptWith(_ackRequested);
        _ackRequested.Clear();
    }

    private void RunUntilPowerCut(LiteDbOutbox outbox, int seed)
    {
        var tasks = Enumerable.Range(0, Appenders).Select(i => Task.Run(() => AppendUntilFailureAsync(outbox, new Random(seed + i)))).ToArray();
        Task.WaitAll(tasks);
    }

    private async Task AppendUntilFailureAsync(LiteDbOutbox outbox, Random random)
    {
        try
        {
            for (var i = 0; i < 10_000; i++)
            {
                var roll = random.Next(20);
                if (roll <= 1)
                {
                    Record(await outbox.AppendEventAsync(Event(), CancellationToken.None));
                }
                else if (roll <= 4)
                {
                    await AcknowledgeSomeAsync(outbox, random);
                }
                else if (roll == 5)
                {
                    await AcknowledgeEverythingAsync(outbox); // the high-water mark then lives only in the meta row
                }
                else
                {
                    foreach (var seq in await outbox.AppendReadingsAsync(Readings(random.Next(1, 60), i), CancellationToken.None))
                    {
                        Record(seq);
                    }
                }
            }
        }
        catch (IOException)
        {
            // The power went out under this request (an OutboxWriteException for writes): it was refused, as it must be.
        }
    }

    private Task AcknowledgeSomeAsync(LiteDbOutbox outbox, Random random) =>
        AcknowledgeAsync(outbox, outbox.PeekReadings(random.Next(1, 300)).Select(r => r.Seq).ToArray());

    private Task AcknowledgeEverythingAsync(LiteDbOutbox outbox) =>
        AcknowledgeAsync(outbox, [.. StoredSequences(outbox)]);

    private async Task AcknowledgeAsync(LiteDbOutbox outbox, long[] peeked)
    {
        if (peeked.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _ackRequested.UnionWith(peeked); // from now on: present or gone, both allowed
        }

        await outbox.AcknowledgeAsync(peeked, CancellationToken.None);
        lock (_gate)
        {
            _ackCompleted.UnionWith(peeked);
        }
    }

    private void Record(long seq)
    {
        lock (_gate)
        {
            _stored.Add(seq);
            if (seq <= _cycleFloor)
            {
                _reusedNumbers++;
            }

            _highestAcknowledged = Math.Max(_highestAcknowledged, seq);
        }
    }
}

/// <summary>What a power-cut run found.</summary>
internal sealed class PowerCutReport
{
    public int Cycles { get; set; }

    public long LostSequences { get; set; }

    public int ReusableSequences { get; set; }

    public List<string> Failures { get; } = [];

    public override string ToString() => Failures.Count == 0 ? $"{Cycles} cycles, no failures" : string.Join(Environment.NewLine, Failures.Take(20));
}
