using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Contracts.Tests.Topics;

[TestFixture]
[Category("Unit")]
public sealed class DeviceTopicsTests
{
    [TestCase(TopicKind.Telemetry, "thiot/v1/bts-th-0042/up/telemetry")]
    [TestCase(TopicKind.Events, "thiot/v1/bts-th-0042/up/events")]
    [TestCase(TopicKind.State, "thiot/v1/bts-th-0042/up/state")]
    [TestCase(TopicKind.CommandResult, "thiot/v1/bts-th-0042/up/cmd-result")]
    [TestCase(TopicKind.ConfigReported, "thiot/v1/bts-th-0042/up/config-reported")]
    [TestCase(TopicKind.Command, "thiot/v1/bts-th-0042/down/cmd")]
    [TestCase(TopicKind.Config, "thiot/v1/bts-th-0042/down/config")]
    [TestCase(TopicKind.Firmware, "thiot/v1/bts-th-0042/down/firmware")]
    [TestCase(TopicKind.FirmwareReported, "thiot/v1/bts-th-0042/up/firmware-reported")]
    public void For_EachKind_FormatsTheSchemeAndParsesBack(TopicKind kind, string expected)
    {
        var topic = DeviceTopics.For("bts-th-0042", kind);
        Assert.Multiple(() =>
        {
            Assert.That(topic, Is.EqualTo(expected));
            Assert.That(DeviceTopics.TryParse(topic, out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(new ParsedTopic("bts-th-0042", kind)));
        });
    }

    [Test]
    public void For_EveryDefinedKind_HasASuffix()
    {
        foreach (var kind in Enum.GetValues<TopicKind>())
        {
            Assert.That(DeviceTopics.SuffixOf(kind), Does.StartWith("up/").Or.StartWith("down/"), kind.ToString());
        }
    }

    [Test]
    public void SuffixOf_UndefinedKind_Throws()
    {
        Assert.That(() => DeviceTopics.SuffixOf((TopicKind)99), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase("")]
    [TestCase("BTS-01")]
    [TestCase("bts/01")]
    [TestCase("+")]
    [TestCase("#")]
    [TestCase("bts 01")]
    [TestCase("trạm-01")]
    public void For_InvalidDeviceId_ThrowsNamingTheId(string deviceId)
    {
        Assert.That(() => DeviceTopics.For(deviceId, TopicKind.Telemetry),
            Throws.ArgumentException.With.Message.Contains($"'{deviceId}'"));
    }

    [Test]
    public void For_DeviceIdOf65Characters_Throws()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DeviceTopics.For(new string('a', 64), TopicKind.State), Does.Contain(new string('a', 64)));
            Assert.That(() => DeviceTopics.For(new string('a', 65), TopicKind.State), Throws.ArgumentException);
        });
    }

    [TestCase("+")]
    [TestCase("#")]
    [TestCase("a/b")]
    public void UpAndDownFilter_WildcardOrSlashInId_ThrowInsteadOfWideningTheFilter(string deviceId)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => DeviceTopics.UpFilter(deviceId), Throws.ArgumentException);
            Assert.That(() => DeviceTopics.DownFilter(deviceId), Throws.ArgumentException);
        });
    }

    [Test]
    public void UpAndDownFilter_ValidId_CoverOnlyThatDevice()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DeviceTopics.UpFilter("gw-1"), Is.EqualTo("thiot/v1/gw-1/up/#"));
            Assert.That(DeviceTopics.DownFilter("gw-1"), Is.EqualTo("thiot/v1/gw-1/down/#"));
            Assert.That(DeviceTopics.AllUpFilter, Is.EqualTo("thiot/v1/+/up/#"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("thiot/v1")]
    [TestCase("thiot/v1/")]
    [TestCase("thiot/v1//up/telemetry")]
    [TestCase("thiot/v2/gw-1/up/telemetry")]
    [TestCase("THIOT/v1/gw-1/up/telemetry")]
    [TestCase("/thiot/v1/gw-1/up/telemetry")]
    [TestCase("thiot/v1/gw-1/up/telemetry/")]
    [TestCase("thiot/v1/gw-1/up/telemetry/extra")]
    [TestCase("thiot/v1/gw-1/up/Telemetry")]
    [TestCase("thiot/v1/gw-1/up/unknown")]
    [TestCase("thiot/v1/gw-1/up")]
    [TestCase("thiot/v1/gw-1/down/telemetry")]
    [TestCase("thiot/v1/GW-1/up/telemetry")]
    [TestCase("thiot/v1/+/up/telemetry")]
    [TestCase("thiot/v1/gw-1/up/#")]
    public void TryParse_OutsideTheScheme_ReturnsFalse(string? topic)
    {
        Assert.That(DeviceTopics.TryParse(topic, out _), Is.False);
    }

    [TestCase(TopicKind.Telemetry, true)]
    [TestCase(TopicKind.Events, true)]
    [TestCase(TopicKind.State, true)]
    [TestCase(TopicKind.CommandResult, true)]
    [TestCase(TopicKind.ConfigReported, true)]
    [TestCase(TopicKind.Command, false)]
    [TestCase(TopicKind.Config, false)]
    [TestCase(TopicKind.Firmware, false)]
    [TestCase(TopicKind.FirmwareReported, true)]
    public void IsUp_ByKind_MatchesDirection(TopicKind kind, bool up)
    {
        var parsed = new ParsedTopic("gw-1", kind);
        Assert.Multiple(() =>
        {
            Assert.That(parsed.IsUp, Is.EqualTo(up));
            Assert.That(DeviceTopics.SuffixOf(kind).StartsWith("up/", StringComparison.Ordinal), Is.EqualTo(up));
        });
    }
}
