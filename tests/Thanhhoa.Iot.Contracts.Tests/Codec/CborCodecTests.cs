using System.Formats.Cbor;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

[TestFixture]
[Category("Unit")]
public sealed class CborCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    private static TelemetryBatch Batch(params (string Ch, double Val, int Seconds)[] points) => new()
    {
        Version = 1,
        SeqFrom = 1,
        SeqTo = points.Length,
        Readings = points.Select((p, i) => new Reading
        {
            Seq = i + 1, Channel = p.Ch, Timestamp = T0.AddSeconds(p.Seconds), Value = p.Val, Quality = Quality.Good,
        }).ToArray(),
    };

    /// <summary>The encoded value column of a one-reading batch, as hex.</summary>
    private static string ValueBytes(double value)
    {
        var reader = new CborReader(CborCodec.Encode(Batch(("x", value, 0))));
        reader.ReadStartArray();
        for (var i = 0; i < 8; i++)
        {
            reader.SkipValue();
        }

        reader.ReadStartArray();
        var rest = reader.BytesRemaining;
        reader.SkipValue();
        var all = CborCodec.Encode(Batch(("x", value, 0)));
        return Convert.ToHexString(all.AsSpan(all.Length - rest, rest - reader.BytesRemaining)).ToLowerInvariant();
    }

    [TestCase(0.0, "00")]
    [TestCase(1.0, "01")]
    [TestCase(-87.0, "3856")]
    [TestCase(230.0, "18e6")]
    [TestCase(-0.0, "f98000")]
    [TestCase(0.5, "f93800")]
    [TestCase(31.5, "f94fe0")]
    [TestCase(28.0625, "f94f04")]
    [TestCase(53.6, "c48220190218")]
    [TestCase(229.7, "c482201908f9")]
    [TestCase(1e-7, "c4822601")]
    [TestCase(1099511627776.0, "fa53800000")]
    [TestCase(0.30000000000000004, "fb3fd3333333333334")]
    [TestCase(double.MaxValue, "fb7fefffffffffffff")]
    public void Encode_Value_SmallestExactForm(double value, string hex)
    {
        Assert.That(ValueBytes(value), Is.EqualTo(hex));
    }

    [TestCase(3e-22)]
    [TestCase(3e-23)]
    [TestCase(7e22)]
    [TestCase(7e23)]
    [TestCase(4294967295e-22)]
    [TestCase(4294967295e-23)]
    [TestCase(5e-324)]
    [TestCase(1.5e308)]
    public void RoundTrip_DecimalFractionAroundTheExactPowersOfTen_BitForBit(double value)
    {
        var back = CborCodec.DecodeTelemetry(CborCodec.Encode(Batch(("x", value, 0)))).Readings[0].Value;
        Assert.Multiple(() =>
        {
            Assert.That(ValueBytes(value), Does.StartWith("c482"), "encoded as a decimal fraction");
            Assert.That(BitConverter.DoubleToInt64Bits(back), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)));
        });
    }

    [Test]
    public void Encode_ReadingsOnA15SecondGrid_TimeStepIs15000AndDeltasAreOneByte()
    {
        var batch = Batch(("a", 1, 0), ("b", 2, 0), ("a", 1, 15), ("b", 2, 15), ("a", 1, 45));
        var reader = new CborReader(CborCodec.Encode(batch));
        reader.ReadStartArray();
        reader.SkipValue();
        reader.SkipValue();
        reader.SkipValue();
        Assert.That(reader.ReadInt64(), Is.EqualTo(15_000));
        reader.SkipValue();
        reader.SkipValue();
        reader.SkipValue();
        reader.ReadStartArray();
        Assert.That(new[] { reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64() },
            Is.EqualTo(new long[] { 0, 0, 1, 0, 2 }));
    }

    [Test]
    public void Encode_ChannelsRepeat_EachIdWrittenOnce()
    {
        var bytes = CborCodec.Encode(Batch(("battery_v", 53.6, 0), ("battery_v", 53.5, 5), ("battery_v", 53.4, 10)));
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        Assert.That(text.Split("battery_v"), Has.Length.EqualTo(2));
    }

    [Test]
    public void Decode_TimestampsBeforeTheEpochAndOutOfOrder_RoundTrip()
    {
        var batch = Batch(("a", 1, 0), ("a", 2, -30), ("a", 3, 7)) with { };
        var old = batch with
        {
            Readings = batch.Readings.Select(r => r with { Timestamp = r.Timestamp.AddYears(-100) }).ToArray(),
        };
        Assert.That(CborCodec.DecodeTelemetry(CborCodec.Encode(old)).Readings, Is.EqualTo(old.Readings));
    }

    [Test]
    public void Encode_NaNReading_ThrowsNonFiniteValue()
    {
        var ex = Assert.Throws<ContractViolationException>(() => CborCodec.Encode(Batch(("a", 1, 0), ("b", double.NaN, 0))))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.NonFiniteValue, "$.readings[1].val")));
    }

    [Test]
    public void Decode_DeflateBomb_TooLarge()
    {
        using var bomb = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(bomb, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(new byte[ContractInfo.MaxPayloadBytes + 1]);
        }

        var ex = Assert.Throws<ContractViolationException>(() => CborCodec.DecodeDeflatedTelemetry(bomb.ToArray()))!;
        Assert.Multiple(() =>
        {
            Assert.That(bomb.Length, Is.LessThan(1024), "a tiny payload");
            Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.TooLarge, "$")));
        });
    }

    [Test]
    public void Decode_PayloadOverLimit_TooLarge()
    {
        var ex = Assert.Throws<ContractViolationException>(() => CborCodec.DecodeTelemetry(new byte[ContractInfo.MaxPayloadBytes + 1]))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.TooLarge, "$")));
    }

    [Test]
    public void Decode_Empty_Malformed()
    {
        var ex = Assert.Throws<ContractViolationException>(() => CborCodec.DecodeEvents([]))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.Malformed, "$")));
    }

    [Test]
    public void Decode_IndefiniteLengthArrays_Accepted()
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartArray(null);
        w.WriteInt32(1);
        w.WriteInt32(5);
        w.WriteInt64(T0.ToUnixTimeMilliseconds());
        w.WriteInt32(1);
        foreach (var column in new Action[]
        {
            () => w.WriteTextString("mains"), () => w.WriteInt32(0), () => w.WriteInt32(0), () => w.WriteInt32(0), () => w.WriteInt32(1),
        })
        {
            w.WriteStartArray(null);
            column();
            w.WriteEndArray();
        }

        w.WriteStartMap(null);
        w.WriteEndMap();
        w.WriteEndArray();
        var batch = CborCodec.DecodeTelemetry(w.Encode());
        Assert.That(batch.Readings.Single(), Is.EqualTo(new Reading { Seq = 5, Channel = "mains", Timestamp = T0, Value = 1, Quality = Quality.Good }));
    }

    [Test]
    public void Decode_IndefiniteColumnLongerThanTheLimit_TooLargeWithoutReadingItAll()
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartArray(10);
        w.WriteInt32(1);
        w.WriteInt32(1);
        w.WriteInt32(0);
        w.WriteInt32(1);
        w.WriteStartArray(1);
        w.WriteTextString("a");
        w.WriteEndArray();
        w.WriteStartArray(null);
        for (var i = 0; i < ContractInfo.MaxReadingsPerBatch + 1; i++)
        {
            w.WriteInt32(0);
        }

        w.WriteEndArray();
        for (var column = 0; column < 3; column++)
        {
            w.WriteStartArray(0);
            w.WriteEndArray();
        }

        w.WriteStartMap(0);
        w.WriteEndMap();
        w.WriteEndArray();
        var ex = Assert.Throws<ContractViolationException>(() => CborCodec.DecodeTelemetry(w.Encode()))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.TooLarge, "$.readings")));
    }

    [Test]
    public void EncodeDeflated_ReferenceBatch_SmallerThanPlainCborAndInflatesToIt()
    {
        var batch = TestSupport.Vectors.ReferenceBtsBatch.Create();
        var plain = CborCodec.Encode(batch);
        var deflated = CborCodec.EncodeDeflated(batch);
        Assert.Multiple(() =>
        {
            Assert.That(deflated.Length, Is.LessThan(plain.Length));
            Assert.That(CborCodec.Inflate(deflated), Is.EqualTo(plain));
        });
    }
}
