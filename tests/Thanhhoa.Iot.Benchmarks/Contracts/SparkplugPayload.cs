using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Benchmarks.Contracts;

/// <summary>
/// A batch as a Sparkplug B NDATA payload, protobuf wire format written by hand (sparkplug_b.proto):
/// <c>Payload{timestamp=1, metrics=2 [Metric{name=1 | alias=2, timestamp=3, datatype=4, double_value=13}], seq=3}</c>.
/// With <c>aliases</c> a metric carries only its alias (numbers the NBIRTH announced), as NDATA may;
/// without, it carries its name. <c>is_historical</c> is not set (it would add 2 bytes per metric for a backlog).
/// </summary>
internal static class SparkplugPayload
{
    public const string Topic = "spBv1.0/thiot/NDATA/bts-th-0042";
    private const int DataTypeDouble = 10;

    public static byte[] Encode(TelemetryBatch batch, bool aliases)
    {
        var aliasOf = batch.Readings.Select(r => r.Channel).Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (ulong)x.i);
        var payload = new ProtoWriter();
        payload.Varint(1, (ulong)batch.Readings[^1].Timestamp.ToUnixTimeMilliseconds());
        foreach (var r in batch.Readings)
        {
            var metric = new ProtoWriter();
            if (aliases)
            {
                metric.Varint(2, aliasOf[r.Channel]);
            }
            else
            {
                metric.Bytes(1, System.Text.Encoding.UTF8.GetBytes(r.Channel));
            }

            metric.Varint(3, (ulong)r.Timestamp.ToUnixTimeMilliseconds());
            metric.Varint(4, DataTypeDouble);
            metric.Fixed64(13, BitConverter.DoubleToInt64Bits(r.Value));
            payload.Bytes(2, metric.ToArray());
        }

        payload.Varint(3, (ulong)(batch.SeqFrom % 256));
        return payload.ToArray();
    }

    /// <summary>The three protobuf wire types a Sparkplug payload of doubles needs.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _out = new();

        public void Varint(int field, ulong value)
        {
            Raw((ulong)(field << 3));
            Raw(value);
        }

        public void Fixed64(int field, long value)
        {
            Raw((ulong)((field << 3) | 1));
            Span<byte> bytes = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            _out.Write(bytes);
        }

        public void Bytes(int field, byte[] value)
        {
            Raw((ulong)((field << 3) | 2));
            Raw((ulong)value.Length);
            _out.Write(value);
        }

        public byte[] ToArray() => _out.ToArray();

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _out.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _out.WriteByte((byte)value);
        }
    }
}
