using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Configuration;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>
/// Commands and desired configuration across a weak link: the real cloud as a process (embedded broker,
/// LiteDB) and a real gateway composition (LiteDB outbox and journal, uplink, site profile on fake
/// hardware) that goes offline and comes back. The cloud is another process, so its REST view is polled.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class CommandEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private TempDirectory _dir = null!;
    private CloudProcess _cloud = null!;
    private CommandClient _api = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("e2e-commands");
        _cloud = await CloudProcess.StartAsync(_dir.File("cloud"), "--Commands:SweepInterval=00:00:00.200");
        _api = new CommandClient(new Uri($"http://127.0.0.1:{_cloud.HttpPort}"), _cloud.AdminKey);
    }

    [TearDown]
    public async Task TearDown()
    {
        _api.Dispose();
        await _cloud.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task OfflineGateway_OnReconnect_QueuedCommandRunsOnceAndOneThatExpiredNeverRuns()
    {
        var counter = new CountingCommand();
        await using var gateway = new InProcessGateway("gw-e2e-1", _dir.File("gw"), _cloud.MqttPort, [counter]);
        await gateway.StartAsync();
        await Eventually.UntilAsync(() => _cloud.Api.DeviceAsync(gateway.DeviceId), d => d?.Online == true, Wait, "the gateway online");
        await gateway.StopAsync();

        var now = DateTimeOffset.UtcNow;
        var lasting = await _api.SendAsync(gateway.DeviceId, "test-count", now.AddHours(1));
        var shortLived = await _api.SendAsync(gateway.DeviceId, "test-count", now.AddSeconds(2));
        await Eventually.UntilAsync(() => _api.CommandAsync(shortLived), c => c.Status == "Expired", Wait, "the short-lived command expired in the cloud");

        await gateway.StartAsync();
        var done = await Eventually.UntilAsync(() => _api.CommandAsync(lasting), c => c.Status == "Succeeded", Wait, "the queued command succeeded");
        var expired = await Eventually.UntilAsync(() => _api.CommandAsync(shortLived), c => c.ResultStatus is not null, Wait, "the gateway's answer to the expired command");

        Assert.Multiple(() =>
        {
            Assert.That(done.Publishes, Is.GreaterThanOrEqualTo(1), "queued by the broker, and re-sent at the birth if still pending then");
            Assert.That(counter.Runs, Is.EqualTo(new[] { lasting }), "ran once; the expired one never ran");
            Assert.That((expired.Status, expired.ResultStatus, expired.Error, expired.Late), Is.EqualTo(("Expired", "expired", "expired", false)));
        });
    }

    [Test]
    public async Task SetOutput_InterlockViolated_FailedWithTheReasonInTheCloudAndTheRelayUntouched()
    {
        await using var gateway = new InProcessGateway("gw-e2e-2", _dir.File("gw"), _cloud.MqttPort);
        await gateway.StartAsync();
        await Eventually.UntilAsync(() => _cloud.Api.DeviceAsync(gateway.DeviceId), d => d?.Online == true, Wait, "the gateway online");

        var id = await _api.SendAsync(gateway.DeviceId, "set-output", DateTimeOffset.UtcNow.AddMinutes(5), new { output = "gen_start", on = true });
        var failed = await Eventually.UntilAsync(() => _api.CommandAsync(id), c => c.Status == "Failed", Wait, "the refused set-output");

        Assert.Multiple(() =>
        {
            Assert.That(failed.Error, Is.EqualTo("interlock"));
            Assert.That(failed.Message, Does.StartWith(InProcessGateway.MainsInterlock));
            Assert.That(gateway.Services.GetServices<IOutputChannel>().Single().IsOn, Is.False);
        });
    }

    [Test]
    public async Task DesiredConfig_InvalidFieldRefusedWholeThenValidApplied_GroupAndOverrideResolvedOnTheGateway()
    {
        await using var gateway = new InProcessGateway("gw-e2e-3", _dir.File("gw"), _cloud.MqttPort);
        await gateway.StartAsync();
        await _api.PutGroupAsync("north", """{"uploadSeconds":120,"channels":{"battery_v":{"alarms":{"battery_low":{"raise":46,"clear":48}}}}}""");
        await _api.PutDeviceAsync(gateway.DeviceId, "north", "{}");
        await ReportedAsync(gateway.DeviceId, r => r is { Status: "applied", AppliedVersion: 1 });

        // One field is invalid for this gateway (faster than its profile's 10 s); the rest would be fine.
        await _api.PutDeviceAsync(gateway.DeviceId, "north", """{"uploadSeconds":30,"channels":{"battery_v":{"pollSeconds":5}}}""");
        var refused = await ReportedAsync(gateway.DeviceId, r => r is { Status: "refused", Version: 2 });
        var applied = gateway.Services.GetRequiredService<AppliedConfiguration>();
        Assert.Multiple(() =>
        {
            Assert.That((refused.Reported!.Field, refused.Reported.AppliedVersion, refused.Lagging), Is.EqualTo(("$.settings.channels.battery_v.pollSeconds", (long?)1, true)));
            Assert.That(refused.Reported.Reason, Does.Contain("faster than the site profile allows"));
            Assert.That(applied.Current.Version, Is.EqualTo(1));
            Assert.That(applied.TelemetryInterval, Is.EqualTo(TimeSpan.FromMinutes(2)), "nothing of version 2 is in force");
        });

        await _api.PutDeviceAsync(gateway.DeviceId, "north", """{"uploadSeconds":30,"channels":{"battery_v":{"pollSeconds":20}}}""");
        var inSync = await ReportedAsync(gateway.DeviceId, r => r is { Status: "applied", AppliedVersion: 3 });
        Assert.Multiple(() =>
        {
            Assert.That((inSync.InSync, inSync.Lagging), Is.EqualTo((true, false)));
            Assert.That(applied.TelemetryInterval, Is.EqualTo(TimeSpan.FromSeconds(30)), "the device value beats the group's");
            Assert.That(applied.IntervalOf("battery_v"), Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(BatteryLow(gateway).Thresholds, Is.EqualTo((46.0, 48.0)), "the group's thresholds");
        });

        await _api.PutDeviceAsync(gateway.DeviceId, "north", "{}"); // both overrides removed
        await ReportedAsync(gateway.DeviceId, r => r is { Status: "applied", AppliedVersion: 4 });
        Assert.Multiple(() =>
        {
            Assert.That(applied.TelemetryInterval, Is.EqualTo(TimeSpan.FromMinutes(2)), "back to the group's value");
            Assert.That(applied.IntervalOf("battery_v"), Is.Null, "back to the profile's interval");
        });
    }

    private static ThresholdAlarmRule BatteryLow(InProcessGateway gateway) =>
        gateway.Services.GetRequiredService<AlarmEngine>().Rules.OfType<ThresholdAlarmRule>().Single();

    private Task<DeviceConfigView> ReportedAsync(string id, Func<ReportedView, bool> condition) =>
        Eventually.UntilAsync(() => _api.DeviceConfigAsync(id), d => d.Reported is { } r && condition(r), Wait, $"a matching configuration report from {id}");
}
