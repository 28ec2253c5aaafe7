using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts.Stores;

/// <summary>The same rollout, artifact and control-sequence store behaviour from every backend (LiteDB, PostgreSQL).</summary>
public abstract class RolloutStoreTestSuite
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Fresh, empty stores; <c>OtherNode</c> is a second node's view of the same rollouts.</summary>
    protected abstract Task<(IRolloutStore Store, IRolloutStore OtherNode, IArtifactStore Artifacts, IControlSequenceStore Control)> OpenAsync();

    [Test]
    public async Task Insert_RolloutWithDevices_ReadBackWithTokenAndOrder()
    {
        var (store, other, _, _) = await OpenAsync();
        var rollout = Rollout("ro-1", T0) with
        {
            Config = new ConfigSettings { UploadSeconds = 60 }, Target = new RolloutTarget(Districts: ["Quảng Xương"]), Waves = [10, 50, 100],
            MaintenanceWindow = new MaintenanceWindow("01:00", "05:00"), StallAfter = TimeSpan.FromHours(2), WaveStartedAt = [T0],
        };
        await store.InsertAsync(rollout, [Device("ro-1", "gw-b", 1), Device("ro-1", "gw-a", 1), Device("ro-1", "gw-c", 0)], "tok-1", None);

        var read = await other.GetAsync("ro-1", None);
        Assert.Multiple(async () =>
        {
            Assert.That(read!.Waves, Is.EqualTo(new[] { 10, 50, 100 }));
            Assert.That(read.Target.Districts, Is.EqualTo(new[] { "Quảng Xương" }));
            Assert.That(read.MaintenanceWindow, Is.EqualTo(rollout.MaintenanceWindow));
            Assert.That(read.StallAfter, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(read.WaveStartedAt, Is.EqualTo(new[] { T0 }));
            Assert.That(read.Config!.UploadSeconds, Is.EqualTo(60));
            Assert.That(await other.DownloadTokenAsync("ro-1", None), Is.EqualTo("tok-1"));
            Assert.That((await other.FindByDownloadTokenAsync("tok-1", None))!.Id, Is.EqualTo("ro-1"));
            Assert.That(await other.FindByDownloadTokenAsync("nope", None), Is.Null);
            Assert.That((await other.ListDevicesAsync("ro-1", None)).Select(d => d.DeviceId), Is.EqualTo(new[] { "gw-c", "gw-a", "gw-b" }), "by wave, then id");
        });
    }

    [Test]
    public async Task List_NewestFirst()
    {
        var (store, _, _, _) = await OpenAsync();
        await store.InsertAsync(Rollout("ro-old", T0), [], "t1", None);
        await store.InsertAsync(Rollout("ro-new", T0.AddHours(1)), [], "t2", None);

        Assert.That((await store.ListAsync(None)).Select(r => r.Id), Is.EqualTo(new[] { "ro-new", "ro-old" }));
    }

    [Test]
    public async Task Update_ChangeOrNull_OnlyAChangeWritten()
    {
        var (store, other, _, _) = await OpenAsync();
        await store.InsertAsync(Rollout("ro-1", T0), [], "t", None);

        var paused = await other.UpdateAsync("ro-1", r => r with { State = RolloutState.Paused }, None);
        var unchanged = await store.UpdateAsync("ro-1", _ => null, None);
        var unknown = await store.UpdateAsync("nope", r => r, None);
        Assert.Multiple(async () =>
        {
            Assert.That(paused.After!.State, Is.EqualTo(RolloutState.Paused));
            Assert.That(unchanged.Before!.State, Is.EqualTo(RolloutState.Paused));
            Assert.That(unchanged.After, Is.Null);
            Assert.That(unknown.Before, Is.Null);
            Assert.That(await store.DownloadTokenAsync("ro-1", None), Is.EqualTo("t"), "an update keeps the token");
        });
    }

    [Test]
    public async Task Devices_UpdateSaveAndListByDevice_AcrossRollouts()
    {
        var (store, other, _, _) = await OpenAsync();
        await store.InsertAsync(Rollout("ro-1", T0), [Device("ro-1", "gw-1", 0), Device("ro-1", "gw-2", 0)], "t1", None);
        await store.InsertAsync(Rollout("ro-2", T0), [Device("ro-2", "gw-1", 0)], "t2", None);

        var updated = await other.UpdateDeviceAsync("ro-1", "gw-1", d => d with { State = RolloutDeviceState.Downloading, Bytes = 10, Total = 100 }, None);
        var unknown = await other.UpdateDeviceAsync("ro-1", "gw-9", d => d, None);
        await store.SaveDevicesAsync([Device("ro-1", "gw-2", 0) with { State = RolloutDeviceState.RolledBack, Reason = "health check failed" }], None);

        Assert.Multiple(async () =>
        {
            Assert.That(updated!.Bytes, Is.EqualTo(10));
            Assert.That(unknown, Is.Null);
            Assert.That((await store.GetDeviceAsync("ro-1", "gw-1", None))!.State, Is.EqualTo(RolloutDeviceState.Downloading));
            Assert.That((await store.GetDeviceAsync("ro-1", "gw-2", None))!.Reason, Is.EqualTo("health check failed"));
            Assert.That((await store.ListByDeviceAsync("gw-1", None)).Select(d => d.RolloutId), Is.EquivalentTo(new[] { "ro-1", "ro-2" }));
        });
    }

    [Test]
    public async Task UpdateDevice_TwoNodesAtOnce_NoProgressLost()
    {
        var (store, other, _, _) = await OpenAsync();
        await store.InsertAsync(Rollout("ro-1", T0), [Device("ro-1", "gw-1", 0) with { Bytes = 0 }], "t", None);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? store : other).UpdateDeviceAsync("ro-1", "gw-1", d => d with { Bytes = d.Bytes + 1 }, None)));

        Assert.That((await store.GetDeviceAsync("ro-1", "gw-1", None))!.Bytes, Is.EqualTo(30));
    }

    [Test]
    public async Task Artifacts_InsertGetList_NewestFirst()
    {
        var (_, _, artifacts, _) = await OpenAsync();
        var old = new Artifact("a1", "1.4.1", "rpi-arm64", 27_000_000, new string('a', 64), null, T0, "admin");
        var fresh = new Artifact("a2", "1.4.2", "rpi-arm64", 27_100_000, new string('b', 64), "fixes", T0.AddDays(1), "admin");
        await artifacts.InsertAsync(old, None);
        await artifacts.InsertAsync(fresh, None);

        Assert.Multiple(async () =>
        {
            Assert.That(await artifacts.GetAsync("a2", None), Is.EqualTo(fresh));
            Assert.That(await artifacts.GetAsync("nope", None), Is.Null);
            Assert.That(await artifacts.ListAsync(None), Is.EqualTo(new[] { fresh, old }));
        });
    }

    [Test]
    public async Task ControlSequences_RepeatsCountOnce_PerDevice()
    {
        var (_, _, _, control) = await OpenAsync();
        await control.RecordAsync("gw-1", 7, None);
        await control.RecordAsync("gw-1", 7, None);
        await control.RecordAsync("gw-1", 3, None);
        await control.RecordAsync("gw-2", 5, None);

        Assert.That((await control.GetAsync("gw-1", None)).Order(), Is.EqualTo(new[] { 3L, 7L }));
    }

    private static Rollout Rollout(string id, DateTimeOffset created) => new()
    {
        Id = id, Kind = RolloutKind.Firmware, State = RolloutState.Running, Version = "1.4.2", Sha256 = new string('c', 64), Size = 1000,
        CreatedAt = created, UpdatedAt = created, DeviceCount = 3,
    };

    private static RolloutDevice Device(string rollout, string device, int wave) => new() { RolloutId = rollout, DeviceId = device, Wave = wave };
}
