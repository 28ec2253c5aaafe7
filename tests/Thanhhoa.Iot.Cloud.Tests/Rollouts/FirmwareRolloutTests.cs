using System.Net;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Tests.Commands;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts;

/// <summary>Firmware rollouts end to end in one process: signed bundle uploaded, waves released over retained down/firmware, gateways download with the rollout's token and report back.</summary>
[TestFixture]
[Category("Integration")]
public sealed class FirmwareRolloutTests
{
    private RolloutCloud _cloud = null!;

    [SetUp]
    public async Task SetUp() => _cloud = await RolloutCloud.StartAsync("cloud-rollout");

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task Rollout_HealthyFleet_CompletesEveryWaveAndEveryGatewayRunsTheTarget()
    {
        var artifact = await _cloud.UploadAsync("1.4.2");
        var fleet = await _cloud.ConnectFleetAsync(20);
        var byId = fleet.ToDictionary(g => g.DeviceId);
        var created = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, waves = new[] { 10, 50, 100 }, minSuccessPercent = 100, errorThresholdPercent = 10 });
        Assert.That(created.Waves.Select(w => w.Devices), Is.EqualTo(new[] { 2, 8, 10 }), "cumulative 10/50/100 % of 20");

        for (var tick = 0; tick < 3; tick++)
        {
            await _cloud.TickAndWaitAsync(created.Rollout.Id, byId);
        }

        await _cloud.Engine.TickAsync(CancellationToken.None);
        var done = await _cloud.GetAsync(created.Rollout.Id);
        Assert.Multiple(() =>
        {
            Assert.That(done.Rollout.State, Is.EqualTo(RolloutState.Completed));
            Assert.That(done.Waves.Select(w => w.Committed), Is.EqualTo(new[] { 2, 8, 10 }));
            Assert.That(fleet.Select(g => g.Running).Distinct(), Is.EqualTo(new[] { "1.4.2" }));
            Assert.That(fleet.Sum(g => g.BytesDownloaded), Is.EqualTo(20 * artifact.Size), "each gateway downloaded the bundle once, through its token URL");
        });
    }

    [Test]
    public async Task Rollout_ThirtyPercentOfCanaryFail_HaltsAtTheThresholdAndNeverStartsTheNextWave()
    {
        var artifact = await _cloud.UploadAsync("1.4.2");
        var fleet = await _cloud.ConnectFleetAsync(50);
        var byId = fleet.ToDictionary(g => g.DeviceId);
        var created = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, waves = new[] { 20, 100 }, minSuccessPercent = 50, errorThresholdPercent = 20 });
        var canary = (await _cloud.DevicesAsync(created.Rollout.Id)).Where(d => d.Wave == 0).Select(d => d.DeviceId).ToList();
        foreach (var id in canary.Take(3))
        {
            byId[id].Outcome = _ => FirmwareState.RolledBack;
        }

        await _cloud.TickAndWaitAsync(created.Rollout.Id, byId);
        await _cloud.Engine.TickAsync(CancellationToken.None);
        await _cloud.Engine.TickAsync(CancellationToken.None);

        var halted = await _cloud.GetAsync(created.Rollout.Id);
        var devices = await _cloud.DevicesAsync(created.Rollout.Id);
        var rolledBack = await _cloud.Cloud.GetJsonAsync<List<RolloutDevice>>($"/api/rollouts/{created.Rollout.Id}/devices?state=rolled-back&wave=0");
        Assert.Multiple(() =>
        {
            Assert.That(canary, Has.Count.EqualTo(10));
            Assert.That(halted.Rollout.State, Is.EqualTo(RolloutState.Halted));
            Assert.That(halted.Rollout.Reason, Does.Contain("3 of 10").And.Contain("20%"));
            Assert.That((halted.Waves[0].Committed, halted.Waves[0].RolledBack), Is.EqualTo((7, 3)), "70% committed would pass minSuccessPercent 50: only the halt stops wave 2");
            Assert.That(halted.Rollout.CurrentWave, Is.EqualTo(0));
            Assert.That(devices.Where(d => d.Wave == 1).Select(d => d.Released), Is.All.False);
            Assert.That(fleet.Where(g => !canary.Contains(g.DeviceId)).Sum(g => g.Desired.Count), Is.Zero, "no gateway of the next wave heard of the firmware");
            Assert.That(rolledBack.Select(d => d.DeviceId), Is.EquivalentTo(canary.Take(3)));
            Assert.That(rolledBack.Select(d => d.Reason), Is.All.Contain("health check failed"));
        });
    }

    [Test]
    public async Task Rollout_OfflineGateway_ShowsStalledNotFailedAndCompletesWhenItReturns()
    {
        var artifact = await _cloud.UploadAsync("1.4.2");
        var fleet = await _cloud.ConnectFleetAsync(4);
        var away = fleet[0];
        await away.DisconnectAsync();
        await _cloud.Cloud.Signals.WaitUntilAsync(s => s.Links.Count(l => l.DeviceId == away.DeviceId) >= 2);
        var online = fleet.Skip(1).ToDictionary(g => g.DeviceId);
        var created = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, waves = new[] { 100 }, stallAfter = "00:30:00" });

        await _cloud.TickAndWaitAsync(created.Rollout.Id, online);
        _cloud.Time.Advance(TimeSpan.FromMinutes(31));
        await _cloud.Engine.TickAsync(CancellationToken.None);
        var stalled = (await _cloud.DevicesAsync(created.Rollout.Id)).Single(d => d.DeviceId == away.DeviceId);
        var view = await _cloud.GetAsync(created.Rollout.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stalled.State, Is.EqualTo(RolloutDeviceState.Stalled));
            Assert.That(stalled.Reason, Does.Contain("offline"));
            Assert.That((view.Waves[0].Stalled, view.Waves[0].Failed, view.Waves[0].Committed), Is.EqualTo((1, 0, 3)));
            Assert.That(view.Rollout.State, Is.EqualTo(RolloutState.Running), "a stalled device keeps the rollout open");
        });

        await using var back = new FirmwareGateway(away.DeviceId);
        await back.ConnectAsync(_cloud.Cloud.MqttPort);
        await back.FinalReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await _cloud.Engine.TickAsync(CancellationToken.None);
        var done = await _cloud.GetAsync(created.Rollout.Id);
        Assert.That((done.Rollout.State, done.Waves[0].Committed, back.Running), Is.EqualTo((RolloutState.Completed, 4, "1.4.2")));
    }

    [Test]
    public async Task PauseResumeCancel_PausedStartsNoWave_ResumedDoes_CancelledClearsTheDesiredFirmware()
    {
        var artifact = await _cloud.UploadAsync("1.4.2");
        var fleet = await _cloud.ConnectFleetAsync(10);
        var byId = fleet.ToDictionary(g => g.DeviceId);
        var created = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, waves = new[] { 10, 50, 100 } });
        var id = created.Rollout.Id;
        await _cloud.TickAndWaitAsync(id, byId);

        var paused = await _cloud.Cloud.PostAsync<RolloutView>($"/api/rollouts/{id}/pause", new { });
        await _cloud.Engine.TickAsync(CancellationToken.None);
        var whilePaused = await _cloud.GetAsync(id);
        var (again, _, againRaw) = await _cloud.Cloud.SendAsync<RolloutView>(HttpMethod.Post, $"/api/rollouts/{id}/pause", new { });
        Assert.Multiple(() =>
        {
            Assert.That((paused.Rollout.State, whilePaused.Rollout.CurrentWave), Is.EqualTo((RolloutState.Paused, 0)));
            Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(againRaw, Does.Contain("only a running rollout can be paused"));
        });

        await _cloud.Cloud.PostAsync<RolloutView>($"/api/rollouts/{id}/resume", new { });
        var wave1 = (await _cloud.DevicesAsync(id)).Where(d => d.Wave == 1).Select(d => byId[d.DeviceId]).ToList();
        foreach (var g in wave1)
        {
            g.Outcome = _ => null; // downloads, then stays silent: released and unfinished when cancelled
        }

        await _cloud.Engine.TickAsync(CancellationToken.None);
        Assert.That((await _cloud.GetAsync(id)).Rollout.CurrentWave, Is.EqualTo(1), "resumed: the next wave started");
        var cancelled = await _cloud.Cloud.PostAsync<RolloutView>($"/api/rollouts/{id}/cancel", new { });
        await Task.WhenAll(wave1.Select(g => g.Cleared.WaitAsync(TimeSpan.FromSeconds(30))));
        await _cloud.Engine.TickAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(cancelled.Rollout.State, Is.EqualTo(RolloutState.Cancelled));
            Assert.That((await _cloud.GetAsync(id)).Rollout.CurrentWave, Is.EqualTo(1), "a cancelled rollout starts nothing");
            Assert.That(fleet.Where(g => !wave1.Contains(g)).Select(g => g.Cleared.IsCompleted), Is.All.False, "committed and never-released gateways keep what they have");
        });
    }
}
