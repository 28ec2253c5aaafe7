using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.DesiredConfig.Stores;

/// <summary>The same desired-configuration store behaviour from every backend (LiteDB, PostgreSQL).</summary>
public abstract class DesiredConfigStoreTestSuite
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty store and a second node's view of the same data.</summary>
    protected abstract Task<(IDesiredConfigStore Store, IDesiredConfigStore OtherNode)> OpenAsync();

    [Test]
    public async Task Group_SaveListGetDelete_RoundTripsSettings()
    {
        var (store, other) = await OpenAsync();
        await store.SaveGroupAsync(new ConfigGroup("north", 3, Settings(120, 30), T0), None);
        await store.SaveGroupAsync(new ConfigGroup("east", 1, new ConfigSettings(), T0), None);
        await store.SaveGroupAsync(new ConfigGroup("north", 4, Settings(60, 10), T0.AddMinutes(1)), None);

        var north = await other.GetGroupAsync("north", None);
        var names = (await other.ListGroupsAsync(None)).Select(g => g.Name).ToList();
        await other.DeleteGroupAsync("east", None);
        Assert.Multiple(async () =>
        {
            Assert.That(names, Is.EqualTo(new[] { "east", "north" }));
            Assert.That(north!.Version, Is.EqualTo(4));
            Assert.That(north.UpdatedAt, Is.EqualTo(T0.AddMinutes(1)));
            Assert.That(north.Settings.UploadSeconds, Is.EqualTo(60));
            Assert.That(north.Settings.Channels!["battery_v"].PollSeconds, Is.EqualTo(10));
            Assert.That(north.Settings.Channels!["battery_v"].Alarms!["battery_low"].Raise, Is.EqualTo(47.0));
            Assert.That(await store.GetGroupAsync("east", None), Is.Null);
            Assert.That(await store.GetGroupAsync("nope", None), Is.Null);
        });
    }

    [Test]
    public async Task Save_DevicesWithTheirGroup_MembersListedByGroup()
    {
        var (store, other) = await OpenAsync();
        await store.SaveAsync([Device("gw-2", "north"), Device("gw-1", "north"), Device("gw-3", null)], new ConfigGroup("north", 1, Settings(60, 10), T0), None);

        Assert.Multiple(async () =>
        {
            Assert.That((await other.ListMembersAsync("north", None)).Select(d => d.DeviceId).Order(), Is.EqualTo(new[] { "gw-1", "gw-2" }));
            Assert.That((await other.ListDevicesAsync(None)).Select(d => d.DeviceId), Is.EqualTo(new[] { "gw-1", "gw-2", "gw-3" }));
            Assert.That(await other.GetGroupAsync("north", None), Is.Not.Null);
        });

        await store.SaveAsync([Device("gw-1", null)], null, None);
        Assert.That((await other.ListMembersAsync("north", None)).Select(d => d.DeviceId), Is.EqualTo(new[] { "gw-2" }), "leaving a group is saved too");
    }

    [Test]
    public async Task UpdateDevice_UnknownDevice_StartsFromEmptyAndKeepsEveryField()
    {
        var (store, other) = await OpenAsync();
        var reported = new ReportedConfig(2, ConfigReportStatus.Refused, 1, "$.settings.uploadSeconds", "too short", T0, T0.AddSeconds(1));

        var changed = await store.UpdateDeviceAsync("gw-9", d => d with
        {
            Group = "north", Version = 2, Overrides = Settings(90, 15), UpdatedAt = T0, DesiredVersion = 2, Desired = Settings(90, 15),
            DesiredAt = T0, Reported = reported,
        }, None);
        var read = await other.GetDeviceAsync("gw-9", None);
        Assert.Multiple(() =>
        {
            Assert.That(changed.DeviceId, Is.EqualTo("gw-9"));
            Assert.That(read!.Group, Is.EqualTo("north"));
            Assert.That(read.Version, Is.EqualTo(2));
            Assert.That(read.Overrides.UploadSeconds, Is.EqualTo(90));
            Assert.That(read.Desired!.Channels!["battery_v"].PollSeconds, Is.EqualTo(15));
            Assert.That(read.DesiredVersion, Is.EqualTo(2));
            Assert.That(read.DesiredAt, Is.EqualTo(T0));
            Assert.That(read.Reported, Is.EqualTo(reported));
            Assert.That(read.Lagging, Is.True);
        });
    }

    [Test]
    public async Task UpdateDevice_TwoNodesAtOnce_NoChangeLost()
    {
        var (store, other) = await OpenAsync();
        await store.SaveAsync([Device("gw-1", null)], null, None);

        // Each update reads the version and writes one more: a lost update would leave fewer than 40.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? store : other).UpdateDeviceAsync("gw-1", d => d with { Version = d.Version + 1 }, None)));

        Assert.That((await store.GetDeviceAsync("gw-1", None))!.Version, Is.EqualTo(40));
    }

    private static DeviceConfig Device(string id, string? group) => new() { DeviceId = id, Group = group };

    private static ConfigSettings Settings(int upload, int poll) => new()
    {
        UploadSeconds = upload,
        Channels = new Dictionary<string, ChannelSettings>(StringComparer.Ordinal)
        {
            ["battery_v"] = new()
            {
                PollSeconds = poll,
                Alarms = new Dictionary<string, AlarmThresholds>(StringComparer.Ordinal) { ["battery_low"] = new() { Raise = 47, Clear = 49 } },
            },
        },
    };
}
