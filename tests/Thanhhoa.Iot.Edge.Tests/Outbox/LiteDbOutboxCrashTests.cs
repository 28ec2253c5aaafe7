using NUnit.Framework;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Outbox.OutboxTestFactory;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>
/// Acceptance: a real process appending to a real outbox file is killed with SIGKILL at random
/// moments; every sequence number it reported as stored is still there after the restart, and
/// numbering continues above all of them.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LiteDbOutboxCrashTests
{
    private const int KillCycles = 20;

    [Test]
    [CancelAfter(120_000)]
    public async Task AppendReadingsAsync_ProcessKilledAtRandomMoments_ReportedSequencesSurviveAndNeverRepeat(CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory("thiot-outbox-crash");
        var random = new Random();
        var reported = new List<long>();
        for (var cycle = 0; cycle < KillCycles; cycle++)
        {
            var target = random.Next(1, 200);
            using (var host = CrashHostProcess.Start(dir.Path))
            {
                var open = await host.ReadOpenAsync(cancellationToken);
                Assert.That(open, Is.GreaterThanOrEqualTo(reported.LastOrDefault()), $"cycle {cycle}: numbering went back at start");
                for (var i = 0; i < target; i++)
                {
                    var seq = await host.ReadSequenceAsync(cancellationToken);
                    Assert.That(seq, Is.GreaterThan(reported.LastOrDefault()), $"cycle {cycle}: sequence {seq} reused or out of order");
                    reported.Add(seq);
                }

                await host.KillAsync(cancellationToken);
            }

            using var outbox = Create(Options(dir.Path));
            var stored = StoredSequences(outbox);
            var missing = reported.Where(s => !stored.Contains(s)).ToList();
            Assert.That(missing, Is.Empty, $"cycle {cycle}: reported as stored but gone after SIGKILL");
            Assert.That(outbox.GetStatus().LastSequence, Is.GreaterThanOrEqualTo(reported[^1]));
        }

        Assert.That(reported, Is.Unique.And.Ordered.Ascending);
    }
}
