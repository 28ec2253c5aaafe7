using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

[TestFixture]
[Category("Unit")]
public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [TestCase(0, 1)]
    [TestCase(1, 2)]
    [TestCase(3, 8)]
    [TestCase(10, 60)]
    [TestCase(1000, 60)]
    public void Delay_Attempt_BetweenHalfAndFullCeiling(int attempt, int ceilingSeconds)
    {
        var backoff = new ReconnectBackoff(Min, Max, new Random(7));
        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Delay(attempt)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(delays, Has.All.InRange(TimeSpan.FromSeconds(ceilingSeconds / 2.0), TimeSpan.FromSeconds(ceilingSeconds)));
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(100), "jitter spreads reconnects");
        });
    }
}
