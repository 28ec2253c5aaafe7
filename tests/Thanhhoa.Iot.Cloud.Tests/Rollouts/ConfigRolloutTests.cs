using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Tests.Commands;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts;

/// <summary>A configuration document rolled out by the same wave engine: desired config per device, applied versions read from config-reported.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ConfigRolloutTests
{
    private RolloutCloud _cloud = null!;

    [SetUp]
    public async Task SetUp() => _cloud = await RolloutCloud.StartAsync("cloud-config-rollout");

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task ConfigRollout_SameWaves_EachDeviceCommittedWithItsAppliedVersionOrFailedWithItsReason()
    {
        var fleet = Enumerable.Range(0, 10).Select(i => new SimulatedGateway($"cfg-{i:D2}")).ToList();
        foreach (var g in fleet)
        {
            await g.ConnectAsync(_cloud.Cloud.MqttPort);
        }

        await _cloud.Cloud.Signals.WaitUntilAsync(s => s.Links.Count >= fleet.Count);
        var created = await _cloud.CreateAsync(new
        {
            kind = "config", config = new { uploadSeconds = 120 }, target = new { deviceIds = fleet.Select(g => g.DeviceId) },
            waves = new[] { 20, 100 }, minSuccessPercent = 100, errorThresholdPercent = 50,
        });
        var byWave = (await _cloud.DevicesAsync(created.Rollout.Id)).ToLookup(d => d.Wave, d => fleet.Single(g => g.DeviceId == d.DeviceId));
        var refuser = byWave[1].First(); // not in the canary, which must fully succeed for wave 2 to start
        refuser.Report = c => new ConfigReport
        {
            Version = ContractInfo.Version, ConfigVersion = c.ConfigVersion, Status = ConfigReportStatus.Refused, Timestamp = DateTimeOffset.UtcNow,
            Field = "$.settings.uploadSeconds", Reason = "too often for a 2G link",
        };

        await _cloud.Engine.TickAsync(CancellationToken.None);
        await Task.WhenAll(byWave[0].Select(g => g.ReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.That(byWave[1].Select(g => g.Received), Is.All.Zero, "wave 2 waits for the canary");
        await _cloud.Engine.TickAsync(CancellationToken.None); // canary committed: wave 2 starts
        await Task.WhenAll(byWave[1].Select(g => g.ReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))));
        await _cloud.Engine.TickAsync(CancellationToken.None);

        var view = await _cloud.GetAsync(created.Rollout.Id);
        var devices = await _cloud.DevicesAsync(created.Rollout.Id);
        var applied = await _cloud.Cloud.GetJsonAsync<DeviceConfig>($"/api/config/devices/{byWave[0].First().DeviceId}");
        Assert.Multiple(() =>
        {
            Assert.That(view.Waves.Select(w => w.Devices), Is.EqualTo(new[] { 2, 8 }));
            Assert.That(view.Waves.Sum(w => w.Committed), Is.EqualTo(9));
            Assert.That(view.Rollout.State, Is.EqualTo(RolloutState.Completed), "one failure in ten is under the 50% threshold; every device finished");
            Assert.That(devices.Where(d => d.State == RolloutDeviceState.Committed).Select(d => (d.Running, d.TargetConfigVersion)), Is.All.EqualTo(("1", (long?)1)));
            Assert.That(devices.Single(d => d.DeviceId == refuser.DeviceId).Reason, Is.EqualTo("refused at $.settings.uploadSeconds: too often for a 2G link"));
            Assert.That((applied.Desired!.UploadSeconds, applied.Reported!.AppliedVersion), Is.EqualTo(((int?)120, (long?)1)));
        });
    }
}
