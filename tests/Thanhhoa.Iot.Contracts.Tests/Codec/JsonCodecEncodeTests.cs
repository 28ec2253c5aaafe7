using System.Text;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>Encoding validates too: a gateway can never put a contract-breaking message on the wire.</summary>
[TestFixture]
[Category("Unit")]
public sealed class JsonCodecEncodeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    private static Reading Reading(long seq, double value = 53.2, string channel = "battery_v") =>
        new() { Seq = seq, Channel = channel, Timestamp = T0.AddSeconds(seq), Value = value, Quality = Quality.Good };

    private static TelemetryBatch Batch(params Reading[] readings) => new()
    {
        Version = ContractInfo.Version,
        SeqFrom = readings.Length == 0 ? 1 : readings[0].Seq,
        SeqTo = readings.Length == 0 ? 1 : readings[^1].Seq,
        Readings = readings,
    };

    private static ContractViolationException Refused(TestDelegate encode) =>
        Assert.Throws<ContractViolationException>(encode)!;

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Encode_NonFiniteReading_ThrowsNonFiniteValue(double value)
    {
        var ex = Refused(() => JsonCodec.Encode(Batch(Reading(1), Reading(2, value))));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.NonFiniteValue, "$.readings[1].val")));
    }

    [Test]
    public void Encode_NonFiniteEventValue_ThrowsNonFiniteValueAtKey()
    {
        var batch = new EventBatch
        {
            Version = 1, SeqFrom = 7, SeqTo = 7,
            Events =
            [
                new DeviceEvent
                {
                    Seq = 7, Timestamp = T0, Code = "battery_low", Action = EventAction.Raise, Severity = Severity.Major,
                    Values = new Dictionary<string, double> { ["battery_v"] = double.NaN },
                },
            ],
        };
        var ex = Refused(() => JsonCodec.Encode(batch));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.NonFiniteValue, "$.events[0].values.battery_v")));
    }

    [Test]
    public void Encode_EmptyBatch_ThrowsInvalidValue()
    {
        var ex = Refused(() => JsonCodec.Encode(Batch()));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings")));
    }

    [Test]
    public void Encode_OneReadingOverTheLimit_ThrowsTooLarge()
    {
        var readings = Enumerable.Range(1, ContractInfo.MaxReadingsPerBatch + 1).Select(i => Reading(i)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(() => JsonCodec.Encode(Batch(readings[..^1])), Throws.Nothing);
            var ex = Refused(() => JsonCodec.Encode(Batch(readings)));
            Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.TooLarge, "$.readings")));
        });
    }

    [Test]
    public void Encode_NullReading_ThrowsInvalidValueInsteadOfNullReference()
    {
        var ex = Refused(() => JsonCodec.Encode(Batch(Reading(1), null!, Reading(3))));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings[1]")));
    }

    [TestCase(5, 4, "$.readings[1].seq")]
    [TestCase(5, 5, "$.readings[1].seq")]
    public void Encode_SequenceNotAscending_ThrowsSequenceMismatch(long first, long second, string field)
    {
        var ex = Refused(() => JsonCodec.Encode(Batch(Reading(first), Reading(second))));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.SequenceMismatch, field)));
    }

    [Test]
    public void Encode_RangeDisagreesWithItems_ThrowsSequenceMismatchAtRange()
    {
        Assert.Multiple(() =>
        {
            var from = Refused(() => JsonCodec.Encode(Batch(Reading(3), Reading(4)) with { SeqFrom = 2 }));
            Assert.That((from.Reason, from.Field), Is.EqualTo((RejectReason.SequenceMismatch, "$.seqFrom")));
            var to = Refused(() => JsonCodec.Encode(Batch(Reading(3), Reading(4)) with { SeqTo = 9 }));
            Assert.That((to.Reason, to.Field), Is.EqualTo((RejectReason.SequenceMismatch, "$.seqTo")));
        });
    }

    [Test]
    public void Encode_GapsBetweenSequences_Accepted()
    {
        // Readings and events share one sequence space, so a telemetry batch may skip numbers.
        Assert.That(() => JsonCodec.Encode(Batch(Reading(3), Reading(7), Reading(8))), Throws.Nothing);
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Encode_SequenceBelowOne_ThrowsInvalidValue(long seq)
    {
        var ex = Refused(() => JsonCodec.Encode(Batch(Reading(seq))));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings[0].seq")));
    }

    [Test]
    public void Encode_UndefinedQuality_ThrowsInvalidValue()
    {
        var ex = Refused(() => JsonCodec.Encode(Batch(Reading(1) with { Quality = (Quality)7 })));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.readings[0].q")));
    }

    [Test]
    public void Encode_StateWithSessionZero_ThrowsInvalidValue()
    {
        var state = new StateMessage { Version = 1, State = LinkState.Online, Session = 0, Timestamp = T0 };
        var ex = Refused(() => JsonCodec.Encode(state));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.session")));
    }

    [Test]
    public void Encode_WrongVersion_ThrowsUnsupportedVersion()
    {
        var ex = Refused(() => JsonCodec.Encode(Batch(Reading(1)) with { Version = 2 }));
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.UnsupportedVersion, "$.v")));
    }

    [Test]
    public void Encode_LocalOffsetAndSubMillisecondTicks_WritesUtcMillisecondsWithZ()
    {
        var local = new DateTimeOffset(2026, 11, 26, 11, 0, 0, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        var json = Encoding.UTF8.GetString(JsonCodec.Encode(Batch(Reading(1) with { Timestamp = local })));
        Assert.That(json, Does.Contain("\"ts\":\"2026-11-26T04:00:00.123Z\""));
    }

    [Test]
    public void Encode_VietnameseMessage_KeepsUtf8Readable()
    {
        var batch = new EventBatch
        {
            Version = 1, SeqFrom = 1, SeqTo = 1,
            Events = [new DeviceEvent { Seq = 1, Timestamp = T0, Code = "mains_fail", Action = EventAction.Raise, Severity = Severity.Critical, Message = "Mất điện lưới" }],
        };
        var json = Encoding.UTF8.GetString(JsonCodec.Encode(batch));
        Assert.That(json, Does.Contain("\"msg\":\"Mất điện lưới\""));
    }

    [Test]
    public void Encode_ThenDecode_GivesEqualReadings()
    {
        var batch = Batch(Reading(1, 0), Reading(2, -0.5, "load_a"), Reading(3, 1e-7), Reading(4, double.MaxValue));
        var back = JsonCodec.DecodeTelemetry(JsonCodec.Encode(batch));
        Assert.That(back.Readings, Is.EqualTo(batch.Readings));
    }
}
