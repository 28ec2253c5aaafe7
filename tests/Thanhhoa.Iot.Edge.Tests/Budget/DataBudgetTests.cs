using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Options = Microsoft.Extensions.Options.Options;

namespace Thanhhoa.Iot.Edge.Tests.Budget;

[TestFixture]
[Category("Unit")]
public sealed class DataBudgetTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 10, 12, 0, 0, TimeSpan.FromHours(7));
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("budget");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [TestCase(40_000, BudgetLevel.Normal)]
    [TestCase(50_000, BudgetLevel.Thrifty)]
    [TestCase(60_000, BudgetLevel.Sparse)]
    [TestCase(65_000, BudgetLevel.Aggregated)]
    [TestCase(90_000, BudgetLevel.Exhausted)]
    public void Level_HalfTheDaySpent_StepsWithPaceAgainstWhatIsLeft(long used, BudgetLevel expected)
    {
        // Telemetry's share is 90,000 of 100,000; at noon, 45,000 is exactly on pace.
        var budget = Create(new FakeTimeProvider(Noon));
        budget.Record(used);
        Assert.That(budget.Level, Is.EqualTo(expected));
    }

    [Test]
    public void AllowsTelemetry_ShareUsedUp_HeldUntilTheNextLocalDayThenAllowedAgain()
    {
        var time = new FakeTimeProvider(Noon);
        var budget = Create(time);
        budget.Record(89_000);
        Assert.That(budget.AllowsTelemetry(2_000), Is.False);
        Assert.That(budget.NextPeriodStart, Is.EqualTo(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.FromHours(7))));

        time.SetUtcNow(budget.NextPeriodStart);
        Assert.That(budget.AllowsTelemetry(2_000), Is.True, "a new day, with its 24 keep-alives set aside");
        Assert.That(budget.Usage().UsedToday, Is.Zero);
        Assert.That(budget.Usage().UsedThisMonth, Is.EqualTo(89_000), "the month goes on");
    }

    [Test]
    public void Save_Restarted_SamePeriodKeepsUsage()
    {
        var time = new FakeTimeProvider(Noon);
        var first = Create(time);
        first.Record(12_345);
        first.Save();

        Assert.That(Create(time).Usage().UsedToday, Is.EqualTo(12_345));
    }

    [Test]
    public void Connected_KeepAlivesCharged_PerPeriodWhileConnected()
    {
        var time = new FakeTimeProvider(Noon);
        var budget = Create(time);
        budget.Connected(true);
        time.Advance(TimeSpan.FromHours(10));

        // Session set-up, then one PINGREQ/PINGRESP (2 bytes each + 52 bytes TCP/IP each) per keep-alive hour.
        Assert.That(budget.Usage().UsedToday, Is.EqualTo(DataBudget.SessionBytes + (10 * 108)));
    }

    [Test]
    public void PublishBytes_TelemetryBatch_MatchesMqtt5Framing()
    {
        // 1 fixed header + 2 remaining length (200 < 16384) + 2+24 topic + 2 packet id + 1 property length + 1+2+16 content type + 150 payload.
        Assert.That(WireSize.PublishBytes("thiot/v1/gw-1/up/telemetry", "application/cbor", 150), Is.EqualTo(1 + 2 + 2 + 26 + 2 + 1 + 19 + 150));
    }

    private DataBudget Create(TimeProvider time) => new(
        Options.Create(new BudgetOptions { DailyBytes = 100_000 }),
        Options.Create(new GatewayOptions { DeviceId = "gw-1", DataDirectory = _dir.Path }),
        Options.Create(new UplinkOptions { KeepAlive = TimeSpan.FromHours(1) }),
        time);
}
