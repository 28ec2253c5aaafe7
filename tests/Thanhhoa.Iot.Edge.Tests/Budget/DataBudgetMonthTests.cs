using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Tests.Outbox;
using Thanhhoa.Iot.Edge.Tests.Uplink;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Network;
using Options = Microsoft.Extensions.Options.Options;

namespace Thanhhoa.Iot.Edge.Tests.Budget;

/// <summary>
/// A simulated month on a prepaid plan: fake time drives sensing (six noisy channels through report by
/// exception) and the real uplink with its data budget, through a real TCP proxy that counts every byte
/// to a real broker. Fake time advances only when the uplink has sent all that the moment allows.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class DataBudgetMonthTests
{
    private const long DailyBytes = 60_000;
    private const long MonthlyBytes = 1_500_000;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset MonthStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Channels = ["battery_v", "load_a", "cabinet_temp", "rectifier_v", "humidity", "ac_v"];

    [Test]
    public async Task Month_BusySiteOnTightPlan_NeitherDayNorMonthExceededOnTheWireAndEveryAlarmArrives()
    {
        using var dir = new TempDirectory("budget-month");
        await using var broker = await TestBroker.StartAsync();
        await using var link = ThrottledTcpProxy.Start(broker.Port, 0);
        var time = new FakeTimeProvider(MonthStart);
        var uplinkOptions = new UplinkOptions
        {
            Host = "127.0.0.1", Port = link.Port, Encoding = "cbor+deflate", OperationTimeout = TimeSpan.FromHours(1),
            KeepAlive = TimeSpan.FromMinutes(10), // 25 s would cost ~373 KB a day in keep-alives alone: three times this plan
            BackoffMin = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(200),
        };
        var gateway = new GatewayOptions { DeviceId = "gw-budget", DataDirectory = dir.Path };
        var budget = new DataBudget(Options.Create(new BudgetOptions { DailyBytes = DailyBytes, MonthlyBytes = MonthlyBytes }), Options.Create(gateway), Options.Create(uplinkOptions), time);
        using var lite = OutboxTestFactory.Create(OutboxTestFactory.Options(Path.Combine(dir.Path, "outbox")), policy: new AggregateThenDropPolicy(TimeSpan.FromMinutes(15)), time: time);
        var outbox = new IdleTrackingOutbox(lite);
        var reporter = new BudgetReporter(budget, outbox, time, NullLogger<BudgetReporter>.Instance);
        var filter = new ReportByExceptionFilter(Channels.ToDictionary(c => c, _ => new ReportPolicy(0.1, TimeSpan.FromMinutes(10), false))) { Widening = () => budget.ReportFactor };
        var status = new UplinkStatus();
        var uplink = new MqttUplink(outbox, Options.Create(uplinkOptions), Options.Create(gateway), status,
            new LoggingDownlinkHandler(NullLogger<LoggingDownlinkHandler>.Instance), time, NullLogger<MqttUplink>.Instance, new Random(1), null, budget: budget);
        var site = new NoisySite(Channels, 42);
        var alarms = new List<long>();
        var wireByDay = new List<long>();
        var meteredByDay = new List<long>();
        var levels = new HashSet<BudgetLevel>();
        long wireAtDayStart = 0;
        await uplink.StartAsync(CancellationToken.None);
        try
        {
            for (var now = MonthStart; now < MonthStart.AddMonths(1); now += Step)
            {
                var passed = filter.Filter(site.Sample(now, Step, TimeSpan.FromSeconds(30)));
                if (passed.Count > 0)
                {
                    await outbox.AppendReadingsAsync(passed, CancellationToken.None);
                }

                if (now.Minute == 0 && now.Hour % 6 == 0)
                {
                    var action = now.Hour % 12 == 0 ? EventAction.Raise : EventAction.Clear;
                    alarms.Add(await outbox.AppendEventAsync(new EventDraft(now, AlarmCodes.MainsFail, action, Severity.Critical, "mains"), CancellationToken.None));
                }

                await reporter.ReportIfDueAsync(CancellationToken.None);
                await outbox.WhenIdleAsync(status, time);
                levels.Add(budget.Level);
                if ((now + Step).ToOffset(TimeSpan.FromHours(7)).TimeOfDay == TimeSpan.Zero)
                {
                    var wire = link.UpstreamBytes + link.DownstreamBytes;
                    wireByDay.Add(wire - wireAtDayStart);
                    meteredByDay.Add(budget.Usage().UsedToday);
                    wireAtDayStart = wire;
                }

                time.Advance(Step);
            }
        }
        finally
        {
            await uplink.StopAsync(CancellationToken.None);
            uplink.Dispose();
        }

        var wireMonth = link.UpstreamBytes + link.DownstreamBytes;
        TestContext.Out.WriteLine($"wire per day (B): {string.Join(' ', wireByDay)}; metered per day: {string.Join(' ', meteredByDay)}; month on the wire {wireMonth} B; levels {string.Join(',', levels.Order())}");
        Assert.That(wireByDay, Has.Count.EqualTo(30));
        Assert.That(wireByDay, Has.All.LessThanOrEqualTo(DailyBytes), "no day over its budget, measured at the proxy");
        Assert.That(meteredByDay, Has.All.LessThanOrEqualTo(DailyBytes), "no day over its budget, as metered");
        Assert.That(wireMonth, Is.LessThanOrEqualTo(MonthlyBytes), "the month within its budget, measured at the proxy");
        Assert.That(wireByDay.Zip(meteredByDay), Has.All.Matches<(long Wire, long Metered)>(d => d.Wire <= d.Metered), "the meter never counts less than the wire carried");
        Assert.That(levels, Does.Contain(BudgetLevel.Thrifty).And.Contain(BudgetLevel.Aggregated), "the plan was tight enough to step through the levels");
        var delivered = broker.Received.Where(m => m.IsEvents).SelectMany(m => m.Events.Events).Select(e => e.Seq).ToHashSet();
        Assert.That(alarms.Where(delivered.Contains), Is.EqualTo(alarms), "every alarm arrived, whatever the budget");
    }

    /// <summary>Channels that wander (random walk) so that report by exception passes a good share of samples.</summary>
    private sealed class NoisySite(string[] channels, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly double[] _values = channels.Select((_, i) => 20.0 + (i * 10)).ToArray();

        public IReadOnlyList<SensorReading> Sample(DateTimeOffset from, TimeSpan span, TimeSpan every)
        {
            var readings = new List<SensorReading>();
            for (var at = from; at < from + span; at += every)
            {
                for (var i = 0; i < channels.Length; i++)
                {
                    _values[i] += (_random.NextDouble() - 0.5) * 0.3;
                    readings.Add(new SensorReading(channels[i], at, Math.Round(_values[i], 2), Quality.Good));
                }
            }

            return readings;
        }
    }
}
