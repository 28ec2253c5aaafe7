using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>The hand-written codec of <c>devices.channels</c>: round trip, and the text PostgreSQL gives back for jsonb.</summary>
[TestFixture]
[Category("Unit")]
public sealed class ChannelsJsonTests
{
    [Test]
    public void Write_ThenRead_SameValuesToTheTick()
    {
        var channels = new Dictionary<string, ChannelValue>
        {
            ["battery_v"] = new(53.125, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), Quality.Good, 42),
            ["temp_c"] = new(-1.5e-7, DateTimeOffset.UnixEpoch, Quality.Bad, long.MaxValue - 1),
            ["tên kênh \"lạ\""] = new(double.MaxValue, DateTimeOffset.MaxValue, Quality.Uncertain, 0),
        };

        var back = ChannelsJson.Read(ChannelsJson.Write(channels));

        Assert.That(back, Is.EquivalentTo(channels));
    }

    [Test]
    public void Read_JsonbTextWithSpacesAndUnknownMember_ValuesReadUnknownSkipped()
    {
        const string text = """{"load_a": {"q": 0, "s": 7, "t": 638000000000000000, "v": 12.5, "x": {"y": [1, 2]}}, "empty": {}}""";

        var back = ChannelsJson.Read(text);

        Assert.Multiple(() =>
        {
            Assert.That(back["load_a"], Is.EqualTo(new ChannelValue(12.5, new DateTimeOffset(638000000000000000, TimeSpan.Zero), Quality.Good, 7)));
            Assert.That(back["empty"].Seq, Is.Zero);
            Assert.That(ChannelsJson.Read("{}"), Is.Empty);
        });
    }

    [Test]
    public void Read_NotAnObject_ErrorNamesTheColumn()
    {
        Assert.That(() => ChannelsJson.Read("[]"), Throws.InstanceOf<System.Text.Json.JsonException>().With.Message.Contains("devices.channels"));
    }
}
