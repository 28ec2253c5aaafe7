using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Configuration;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Tests.Commands;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Configuration;

/// <summary>Desired configuration on the gateway: whole-document validation, atomic apply, persistence, reports.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DesiredConfigTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("gw-config");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task Deliver_ValidDocument_AppliedReportedWithItsVersionAndInForce()
    {
        await using var gw = await StartAsync();
        await gw.DeliverConfigAsync(Config(3, upload: 120, batteryPoll: 20, batteryLow: (46, 48), doorEnabled: false));

        var report = await gw.NextReportAsync();
        var applied = gw.Services.GetRequiredService<AppliedConfiguration>();
        Assert.Multiple(() =>
        {
            Assert.That((report.ConfigVersion, report.Status, report.AppliedVersion), Is.EqualTo((3L, ConfigReportStatus.Applied, (long?)3)));
            Assert.That(applied.Current.Version, Is.EqualTo(3));
            Assert.That(applied.TelemetryInterval, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(applied.IntervalOf("battery_v"), Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(applied.IsEnabled("door"), Is.False);
            Assert.That(BatteryLow(gw).Thresholds, Is.EqualTo((46.0, 48.0)));
        });
    }

    [Test]
    public async Task Deliver_OneInvalidField_RefusedWholeAndThePreviousConfigurationStays()
    {
        await using var gw = await StartAsync();
        await gw.DeliverConfigAsync(Config(3, upload: 120, batteryLow: (46, 48)));
        _ = await gw.NextReportAsync();

        // Valid upload cadence and thresholds, but a poll interval faster than the profile's 10 s.
        await gw.DeliverConfigAsync(Config(4, upload: 30, batteryPoll: 5, batteryLow: (45, 47)));
        var report = await gw.NextReportAsync();
        var applied = gw.Services.GetRequiredService<AppliedConfiguration>();
        Assert.Multiple(() =>
        {
            Assert.That((report.ConfigVersion, report.Status, report.AppliedVersion), Is.EqualTo((4L, ConfigReportStatus.Refused, (long?)3)));
            Assert.That(report.Field, Is.EqualTo("$.settings.channels.battery_v.pollSeconds"));
            Assert.That(report.Reason, Does.Contain("faster than the site profile allows").And.Contain("10 s"));
            Assert.That(applied.Current.Version, Is.EqualTo(3));
            Assert.That(applied.TelemetryInterval, Is.EqualTo(TimeSpan.FromMinutes(2)), "no part of version 4 is in force");
            Assert.That(BatteryLow(gw).Thresholds, Is.EqualTo((46.0, 48.0)));
        });
    }

    [Test]
    public async Task Deliver_OverrideRemoved_ThresholdFallsBackToTheProfile()
    {
        await using var gw = await StartAsync();
        await gw.DeliverConfigAsync(Config(3, batteryLow: (46, 48)));
        await gw.DeliverConfigAsync(Config(4, batteryPoll: 20));
        var reports = new[] { await gw.NextReportAsync(), await gw.NextReportAsync() };

        Assert.That(reports.Select(r => r.Status), Is.All.EqualTo(ConfigReportStatus.Applied));
        Assert.That(BatteryLow(gw).Thresholds, Is.EqualTo((47.0, 49.0)));
    }

    [Test]
    public async Task Restart_AfterApply_RestoredBeforeAnythingPolls()
    {
        await using (var first = await StartAsync())
        {
            await first.DeliverConfigAsync(Config(7, batteryPoll: 30, batteryLow: (46, 48)));
            _ = await first.NextReportAsync();
        }

        await using var second = await StartAsync();
        var applied = second.Services.GetRequiredService<AppliedConfiguration>();
        Assert.Multiple(() =>
        {
            Assert.That(applied.Current.Version, Is.EqualTo(7));
            Assert.That(applied.IntervalOf("battery_v"), Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(BatteryLow(second).Thresholds, Is.EqualTo((46.0, 48.0)));
        });

        await second.DeliverConfigAsync(Config(7, batteryPoll: 30, batteryLow: (46, 48))); // the retained copy after reconnecting
        await second.DeliverConfigAsync(Config(7, batteryPoll: 30, batteryLow: (46, 48))); // and the cloud's re-publish at birth
        Assert.That((await second.NextReportAsync()).Status, Is.EqualTo(ConfigReportStatus.Applied));
        Assert.That(second.Outbox.PeekMessages(10), Is.Empty, "answered once per start");
    }

    [Test]
    public async Task Deliver_DocumentBreakingTheContract_RefusedWithTheContractsField()
    {
        await using var gw = await StartAsync();
        var payload = """{"v":1,"version":9,"ts":"2026-11-26T04:00:00.000Z","settings":{"uploadSeconds":-1}}"""u8.ToArray();
        await gw.Services.GetRequiredService<DesiredConfigReceiver>().ReceiveAsync(payload, ContractInfo.JsonContentType, CancellationToken.None);

        var report = await gw.NextReportAsync();
        Assert.That((report.ConfigVersion, report.Status, report.Field), Is.EqualTo((9L, ConfigReportStatus.Refused, "$.settings.uploadSeconds")));
        Assert.That(report.AppliedVersion, Is.Null);
    }

    private static ThresholdAlarmRule BatteryLow(CommandGatewayHarness gw) =>
        gw.Services.GetRequiredService<AlarmEngine>().Rules.OfType<ThresholdAlarmRule>().Single(r => r.Code == AlarmCodes.BatteryLow);

    internal static DesiredConfigMessage Config(long version, int? upload = null, int? batteryPoll = null, (double Raise, double Clear)? batteryLow = null, bool? doorEnabled = null)
    {
        var channels = new Dictionary<string, ChannelSettings>();
        if (batteryPoll is not null || batteryLow is not null)
        {
            channels["battery_v"] = new ChannelSettings
            {
                PollSeconds = batteryPoll,
                Alarms = batteryLow is { } t ? new Dictionary<string, AlarmThresholds> { ["battery_low"] = new() { Raise = t.Raise, Clear = t.Clear } } : null,
            };
        }

        if (doorEnabled is not null)
        {
            channels["door"] = new ChannelSettings { Enabled = doorEnabled };
        }

        return new DesiredConfigMessage
        {
            Version = ContractInfo.Version, ConfigVersion = version, Timestamp = CommandGatewayHarness.Start,
            Settings = new ConfigSettings { UploadSeconds = upload, Channels = channels },
        };
    }

    private async Task<CommandGatewayHarness> StartAsync()
    {
        var time = new FakeTimeProvider(CommandGatewayHarness.Start);
        var gw = new CommandGatewayHarness(_dir.Path, time, s =>
        {
            s.AddSingleton<ISensorChannel>(new FakeSensor("mains", 1, TimeSpan.FromSeconds(5)));
            s.AddSingleton<ISensorChannel>(new FakeSensor("battery_v", 53, TimeSpan.FromSeconds(10)));
            s.AddSingleton<ISensorChannel>(new FakeSensor("door", 0, TimeSpan.FromSeconds(5)));
            s.AddSingleton(sp => new AlarmEngine(
                [
                    new DigitalAlarmRule(AlarmCodes.MainsFail, Severity.Major, "mains", 0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)),
                    new ThresholdAlarmRule(AlarmCodes.BatteryLow, Severity.Major, "battery_v", ThresholdDirection.Below, 47, 49, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)),
                ],
                sp.GetRequiredService<IOutbox>(), time, NullLogger<AlarmEngine>.Instance));
        });
        await gw.StartAsync();
        return gw;
    }
}
