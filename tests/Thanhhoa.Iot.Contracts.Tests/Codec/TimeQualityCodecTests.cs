using System.Formats.Cbor;
using System.Text;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>The optional time quality (<c>tq</c>): absent means synced, so payloads from before it existed keep their bytes.</summary>
[TestFixture]
[Category("Unit")]
public sealed class TimeQualityCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    private static TelemetryBatch Telemetry(params TimeQuality[] qualities) => new()
    {
        Version = 1,
        SeqFrom = 1,
        SeqTo = qualities.Length,
        Readings = qualities.Select((q, i) => new Reading
        {
            Seq = i + 1, Channel = "battery_v", Timestamp = T0.AddSeconds(i), Value = 53.6, Quality = Quality.Good, TimeQuality = q,
        }).ToArray(),
    };

    private static EventBatch Events(TimeQuality quality) => new()
    {
        Version = 1,
        SeqFrom = 7,
        SeqTo = 7,
        Events = [new DeviceEvent { Seq = 7, Timestamp = T0, Code = "mains_fail", Action = EventAction.Raise, Severity = Severity.Critical, TimeQuality = quality }],
    };

    private static int? TopLevelMembers(byte[] cbor) => new CborReader(cbor).ReadStartArray();

    [Test]
    public void JsonEncode_AllSynced_NoTqMember()
    {
        var json = Encoding.UTF8.GetString(JsonCodec.Encode(Telemetry(TimeQuality.Synced, TimeQuality.Synced)));
        Assert.That(json, Does.Not.Contain("\"tq\""));
    }

    [Test]
    public void JsonEncode_Unsynced_WritesTqOnThatReadingOnly()
    {
        var json = Encoding.UTF8.GetString(JsonCodec.Encode(Telemetry(TimeQuality.Synced, TimeQuality.Unsynced)));
        Assert.That(json.Split("\"tq\"").Length - 1, Is.EqualTo(1));
        Assert.That(JsonCodec.DecodeTelemetry(Encoding.UTF8.GetBytes(json)).Readings.Select(r => r.TimeQuality),
            Is.EqualTo(new[] { TimeQuality.Synced, TimeQuality.Unsynced }));
    }

    [Test]
    public void CborEncode_AllSynced_TenMembersAsBefore()
    {
        Assert.That(TopLevelMembers(CborCodec.Encode(Telemetry(TimeQuality.Synced))), Is.EqualTo(10));
    }

    [Test]
    public void CborRoundTrip_UnsyncedReadings_ElevenMembersAndQualitiesKept()
    {
        var batch = Telemetry(TimeQuality.Unsynced, TimeQuality.Synced, TimeQuality.Unsynced);
        var bytes = CborCodec.Encode(batch);
        var decoded = CborCodec.DecodeTelemetry(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(TopLevelMembers(bytes), Is.EqualTo(11));
            Assert.That(decoded.Readings, Is.EqualTo(batch.Readings));
        });
    }

    [TestCase(TimeQuality.Synced)]
    [TestCase(TimeQuality.Unsynced)]
    public void CborRoundTrip_EventTimeQuality_Kept(TimeQuality quality)
    {
        var decoded = CborCodec.DecodeEvents(CborCodec.Encode(Events(quality)));
        Assert.That(decoded.Events[0].TimeQuality, Is.EqualTo(quality));
    }

    [Test]
    public void Validate_UndefinedTimeQuality_RefusedNamingTheField()
    {
        var batch = Telemetry(TimeQuality.Synced) with
        {
            Readings = [Telemetry(TimeQuality.Synced).Readings[0] with { TimeQuality = (TimeQuality)7 }],
        };
        var ex = Assert.Throws<ContractViolationException>(() => MessageValidator.Validate(batch))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings[0].tq")));
    }
}
