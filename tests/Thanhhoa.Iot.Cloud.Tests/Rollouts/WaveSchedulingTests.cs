using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Rollouts;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts;

/// <summary>When waves start: on the singleton job's own tick, and only inside the maintenance window.</summary>
[TestFixture]
[Category("Integration")]
public sealed class WaveSchedulingTests
{
    private RolloutCloud _cloud = null!;

    [SetUp]
    public async Task SetUp() => _cloud = await RolloutCloud.StartAsync("cloud-wave-schedule");

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task WaveJob_NextPeriodOnTheClock_ReleasesTheFirstWaveWithoutAnyoneCallingTheEngine()
    {
        var artifact = await _cloud.UploadAsync("1.4.2");
        var fleet = await _cloud.ConnectFleetAsync(3);
        var created = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, waves = new[] { 100 } });

        _cloud.Time.Advance(TimeSpan.FromHours(1)); // Rollouts:TickInterval of the test cloud
        await Task.WhenAll(fleet.Select(g => g.FinalReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.That((await _cloud.DevicesAsync(created.Rollout.Id)).Select(d => d.State), Is.All.EqualTo(RolloutDeviceState.Committed));
    }

    [Test]
    public async Task Tick_OutsideTheMaintenanceWindow_StartsNoWaveUntilTheWindowOpens()
    {
        var artifact = await _cloud.UploadAsync("1.4.2");
        var fleet = await _cloud.ConnectFleetAsync(2);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var local = TimeZoneInfo.ConvertTime(_cloud.Time.GetUtcNow(), zone);
        var opens = local.AddHours(2);
        var window = new { start = opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), end = opens.AddHours(1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), timeZone = "Asia/Ho_Chi_Minh" };
        var created = await _cloud.CreateAsync(new { kind = "firmware", artifactId = artifact.Id, waves = new[] { 100 }, maintenanceWindow = window });

        await _cloud.Engine.TickAsync(CancellationToken.None);
        var closed = await _cloud.GetAsync(created.Rollout.Id);
        _cloud.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(local.Second));
        await _cloud.Engine.TickAsync(CancellationToken.None); // the job's own tick may have come first: either releases the wave
        await Task.WhenAll(fleet.Select(g => g.FinalReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))));
        var open = await _cloud.GetAsync(created.Rollout.Id);

        Assert.Multiple(() =>
        {
            Assert.That((closed.Rollout.CurrentWave, closed.Waves[0].Pending), Is.EqualTo((-1, 2)), $"window {window.start}–{window.end} ICT is closed at {local:HH:mm}");
            Assert.That((open.Rollout.CurrentWave, open.Waves[0].Committed), Is.EqualTo((0, 2)));
        });
    }
}
