using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>
/// Random batches (fixed seeds, so a failure replays) survive CBOR and CBOR+deflate bit for bit:
/// every value's exact bits, millisecond timestamps, sequences, channels and qualities.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class CborRoundTripPropertyTests
{
    private const int Runs = 300;

    private static readonly double[] EdgeValues =
    [
        0.0, -0.0, 1.0, -1.0, 0.1, 0.30000000000000004, 1e-7, 5e-324, -5e-324, 2.2250738585072014e-308,
        double.MaxValue, double.MinValue, double.Epsilon, 65504, 65505, 65520, 16777216, 16777217,
        9007199254740992, 9007199254740993, 9.223372036854775807e18, -9.223372036854775808e18, 1.8446744073709552e19,
        123456789012345678, 1e21, 1e-21, 53.6, 229.7, -2.35, 28.0625, 1.0 / 3, Math.PI, 1e308, 4.9e-324,
    ];

    private static readonly string[] ChannelIds = ["mains", "battery_v", "load_a", "cabinet_temp", "gen_running", "door_open", "a", "x-1_y", new string('z', 64)];

    [Test]
    public void CborRoundTrip_RandomTelemetryBatches_LosslessBitForBit()
    {
        for (var run = 0; run < Runs; run++)
        {
            var random = new Random(run);
            var batch = RandomTelemetry(random);
            var deflate = run % 3 == 0;
            var back = deflate
                ? CborCodec.DecodeDeflatedTelemetry(CborCodec.EncodeDeflated(batch))
                : CborCodec.DecodeTelemetry(CborCodec.Encode(batch));
            AssertSame(batch, back, run);
        }
    }

    [Test]
    public void CborRoundTrip_RandomEventBatches_Lossless()
    {
        for (var run = 0; run < Runs; run++)
        {
            var random = new Random(10_000 + run);
            var batch = RandomEvents(random);
            var back = run % 2 == 0 ? CborCodec.DecodeEvents(CborCodec.Encode(batch)) : CborCodec.DecodeDeflatedEvents(CborCodec.EncodeDeflated(batch));
            Assert.That(JsonCodec.Encode(back), Is.EqualTo(JsonCodec.Encode(batch)), $"seed {10_000 + run}");
        }
    }

    [Test]
    public void CborRoundTrip_EncodeOfDecode_IsStable()
    {
        for (var run = 0; run < 50; run++)
        {
            var bytes = CborCodec.Encode(RandomTelemetry(new Random(run)));
            Assert.That(CborCodec.Encode(CborCodec.DecodeTelemetry(bytes)), Is.EqualTo(bytes), $"seed {run}");
        }
    }

    private static void AssertSame(TelemetryBatch expected, TelemetryBatch actual, int seed)
    {
        Assert.That((actual.SeqFrom, actual.SeqTo, actual.Readings.Count), Is.EqualTo((expected.SeqFrom, expected.SeqTo, expected.Readings.Count)), $"seed {seed}");
        for (var i = 0; i < expected.Readings.Count; i++)
        {
            var (e, a) = (expected.Readings[i], actual.Readings[i]);
            Assert.That(BitConverter.DoubleToInt64Bits(a.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(e.Value)), $"seed {seed}, reading {i}: {e.Value:R} came back as {a.Value:R}");
            Assert.That(a with { Value = e.Value }, Is.EqualTo(e), $"seed {seed}, reading {i}");
        }
    }

    private static TelemetryBatch RandomTelemetry(Random random)
    {
        var count = random.Next(4) == 0 ? random.Next(1, ContractInfo.MaxReadingsPerBatch + 1) : random.Next(1, 60);
        var seq = random.Next(3) == 0 ? random.NextInt64(1, long.MaxValue / 2) : random.NextInt64(1, 1_000_000);
        var ms = random.NextInt64(-62_135_596_800_000 + 10_000_000_000, 253_402_300_799_999 - 10_000_000_000);
        var grid = new long[] { 1, 250, 1000, 5000, 15000, 60000 }[random.Next(6)];
        var readings = new Reading[count];
        for (var i = 0; i < count; i++)
        {
            seq += i == 0 ? 0 : random.Next(5) == 0 ? random.Next(2, 1000) : 1;
            ms += random.Next(3) == 0 ? 0 : grid * random.Next(-2, 20);
            readings[i] = new Reading
            {
                Seq = seq,
                Channel = ChannelIds[random.Next(ChannelIds.Length)],
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms),
                Value = RandomValue(random),
                Quality = (Quality)random.Next(3),
            };
        }

        return new TelemetryBatch { Version = 1, SeqFrom = readings[0].Seq, SeqTo = readings[^1].Seq, Readings = readings };
    }

    private static double RandomValue(Random random) => random.Next(6) switch
    {
        0 => EdgeValues[random.Next(EdgeValues.Length)],
        1 => random.Next(-1000, 1000),
        2 => Math.Round((random.NextDouble() * 500) - 100, random.Next(0, 4)),
        3 => random.Next(0, 4096) / 16.0,
        4 => RandomBits(random),
        _ => random.NextDouble(),
    };

    private static double RandomBits(Random random)
    {
        double value;
        do
        {
            value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
        }
        while (!double.IsFinite(value));

        return value;
    }

    private static EventBatch RandomEvents(Random random)
    {
        var count = random.Next(1, 40);
        var seq = random.NextInt64(1, 1_000_000_000);
        var ms = random.NextInt64(0, 4_000_000_000_000);
        var events = new DeviceEvent[count];
        for (var i = 0; i < count; i++)
        {
            seq += i == 0 ? 0 : random.Next(1, 50);
            ms += random.Next(-5000, 600_000);
            var values = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => ChannelIds[random.Next(ChannelIds.Length)]).Distinct()
                .ToDictionary(k => k, _ => RandomValue(random));
            events[i] = new DeviceEvent
            {
                Seq = seq,
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms),
                Code = ChannelIds[random.Next(ChannelIds.Length - 1)] + "_alarm",
                Action = (EventAction)random.Next(3),
                Severity = (Severity)random.Next(4),
                Channel = random.Next(2) == 0 ? null : ChannelIds[random.Next(ChannelIds.Length)],
                Message = random.Next(3) == 0 ? null : random.Next(2) == 0 ? "Mất điện lưới" : new string('m', random.Next(0, 501)),
                Values = values,
            };
        }

        return new EventBatch { Version = 1, SeqFrom = events[0].Seq, SeqTo = events[^1].Seq, Events = events };
    }
}
