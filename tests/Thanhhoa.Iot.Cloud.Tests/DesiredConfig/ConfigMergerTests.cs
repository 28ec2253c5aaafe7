using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.DesiredConfig;

[TestFixture]
[Category("Unit")]
public sealed class ConfigMergerTests
{
    private static readonly ConfigSettings Group = new()
    {
        UploadSeconds = 300,
        Channels = new Dictionary<string, ChannelSettings>
        {
            ["battery_v"] = new() { PollSeconds = 30, Alarms = new Dictionary<string, AlarmThresholds> { ["battery_low"] = new() { Raise = 47, Clear = 49 } } },
            ["door"] = new() { Enabled = true },
        },
    };

    [Test]
    public void Merge_DeviceOverridesOneLeaf_DeviceValueWinsEveryOtherLeafFromTheGroup()
    {
        var device = new ConfigSettings
        {
            Channels = new Dictionary<string, ChannelSettings>
            {
                ["battery_v"] = new() { Alarms = new Dictionary<string, AlarmThresholds> { ["battery_low"] = new() { Raise = 46 } } },
                ["cabinet_t"] = new() { PollSeconds = 60 },
            },
        };

        var merged = ConfigMerger.Merge(Group, device);

        Assert.Multiple(() =>
        {
            Assert.That(merged.UploadSeconds, Is.EqualTo(300));
            Assert.That(merged.Channels!["battery_v"].PollSeconds, Is.EqualTo(30));
            Assert.That(merged.Channels["battery_v"].Alarms!["battery_low"], Is.EqualTo(new AlarmThresholds { Raise = 46, Clear = 49 }));
            Assert.That(merged.Channels["door"].Enabled, Is.True);
            Assert.That(merged.Channels["cabinet_t"].PollSeconds, Is.EqualTo(60));
        });
    }

    [Test]
    public void Merge_OverrideRemovedInTheNextDeviceVersion_FallsBackToTheGroupValue()
    {
        var withOverride = new ConfigSettings { UploadSeconds = 60, Channels = new Dictionary<string, ChannelSettings> { ["battery_v"] = new() { PollSeconds = 10 } } };
        var withoutOverride = new ConfigSettings { Channels = new Dictionary<string, ChannelSettings> { ["battery_v"] = new() { PollSeconds = 10 } } };

        var before = ConfigMerger.Merge(Group, withOverride);
        var after = ConfigMerger.Merge(Group, withoutOverride);

        Assert.That((before.UploadSeconds, after.UploadSeconds), Is.EqualTo((60, 300)));
    }

    [Test]
    public void Merge_NeitherSetsALeaf_LeftOutSoTheGatewayKeepsItsProfile()
    {
        var merged = ConfigMerger.Merge(null, new ConfigSettings { Channels = new Dictionary<string, ChannelSettings> { ["x"] = new() } });
        Assert.That(merged, Is.EqualTo(new ConfigSettings()));
    }

    [Test]
    public void Merge_SameSettingsInAnyKeyOrder_SameJson()
    {
        var a = new ConfigSettings { Channels = new Dictionary<string, ChannelSettings> { ["b"] = new() { Enabled = false }, ["a"] = new() { Enabled = true } } };
        var b = new ConfigSettings { Channels = new Dictionary<string, ChannelSettings> { ["a"] = new() { Enabled = true }, ["b"] = new() { Enabled = false } } };
        Assert.That(Json(ConfigMerger.Merge(null, a)), Is.EqualTo(Json(ConfigMerger.Merge(null, b))));
    }

    private static string Json(ConfigSettings s) => System.Text.Json.JsonSerializer.Serialize(s, Thanhhoa.Iot.Contracts.Codec.ContractJsonContext.Default.ConfigSettings);
}
