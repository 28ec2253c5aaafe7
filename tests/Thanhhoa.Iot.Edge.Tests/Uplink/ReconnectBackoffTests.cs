using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
public sealed class ReconnectBackoffTests
{
    [Test]
    [Category("Unit")]
    public void Next_FixedRandom_GrowsExponentiallyWithJitterAndCapsAtMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new FixedRandom(0.5, 0.25, 1.0, 0.5, 0.5, 1.0, 0.1));

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalSeconds).ToList();

        // ceilings 1, 2, 4, 8, 10, 10, 10 times the jitter factors above
        Assert.That(delays, Is.EqualTo(new[] { 0.5, 0.5, 4.0, 4.0, 5.0, 10.0, 1.0 }).Within(1e-9));
    }

    [Test]
    [Category("Unit")]
    public void Reset_AfterFailures_StartsFromMinAgain()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), new FixedRandom(1.0));
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.That(backoff.Next(), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    [Category("Unit")]
    public void Next_FleetLosesTheBrokerAtOnce_FirstRetriesSpreadEvenlyBelowMin()
    {
        // 2,000 gateways were connected (each reset its backoff) and lose the same broker at the same moment.
        var firsts = Enumerable.Range(0, 2000).Select(i =>
        {
            var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), new Random(i));
            backoff.Next();
            backoff.Reset();
            return backoff.Next();
        }).ToList();

        var perTenth = firsts.GroupBy(d => (int)(d.TotalSeconds * 10)).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(firsts, Has.All.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(perTenth.Keys, Is.EquivalentTo(Enumerable.Range(0, 10)), "every tenth of the first second gets retries");
        Assert.That(perTenth.Values, Has.All.InRange(140, 260), "about 200 a tenth: no lock-step wave");
    }

    [Test]
    [Category("Unit")]
    public void Ceiling_ManyFailures_NeverOverflowsPastMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), new FixedRandom(1.0));

        Assert.That(backoff.Ceiling(10_000), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    [Category("Integration")]
    public async Task Uplink_BrokerUnreachable_WaitsOnTimeProviderWithGrowingCappedDelays()
    {
        using var dir = new TempDirectory("uplink");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var closedPort = FreeTcpPort.Next(); // nothing listens: every CONNECT is refused at once
        await using var gw = new UplinkHarness(closedPort, dir.Path, time, new FixedRandom(0.5), o =>
        {
            o.BackoffMin = TimeSpan.FromSeconds(1);
            o.BackoffMax = TimeSpan.FromSeconds(8);
        });
        gw.Start();

        var delays = new List<double>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var waiting = await gw.WhenStatusAsync(s => s.FailedAttempts == attempt && s.NextAttemptAt is not null);
            var delay = waiting.NextAttemptAt!.Value - time.GetUtcNow();
            delays.Add(delay.TotalSeconds);
            time.Advance(delay);
        }

        Assert.That(delays, Is.EqualTo(new[] { 0.5, 1, 2, 4, 4, 4 }).Within(1e-9));
        Assert.That(gw.Status.Current.Connected, Is.False);
        Assert.That(gw.Status.Current.LastError, Is.Not.Empty);
    }
}
