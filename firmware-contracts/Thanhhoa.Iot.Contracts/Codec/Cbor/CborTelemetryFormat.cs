using System.Formats.Cbor;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>
/// Telemetry batch as CBOR (schemas/telemetry-batch.cddl): channel ids listed once, then one column per
/// reading field — channel index, sequence delta, timestamp delta in units of the batch's time step,
/// value — and the qualities that are not <c>good</c> as a sparse map; then, only when some reading's
/// time is not synced, the time qualities as a sparse map too (an optional eleventh member).
/// </summary>
internal static class CborTelemetryFormat
{
    /// <summary>Names of the top-level array's members, in order; they are the field paths of errors.</summary>
    public static readonly string[] Members = ["v", "seqFrom", "t0", "tsUnit", "channels", "ch", "dseq", "dts", "val", "q", "tq"];

    /// <summary>Members every batch has; <c>tq</c> is optional (left out when every time is synced).</summary>
    public const int RequiredMembers = 10;

    public static byte[] Write(TelemetryBatch batch)
    {
        var readings = batch.Readings;
        var (channels, indexes) = Dictionary(readings);
        var times = new long[readings.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = readings[i].Timestamp.ToUnixTimeMilliseconds();
        }

        var unit = TimeStep(times);
        var unsynced = readings.Count(r => r.TimeQuality != TimeQuality.Synced);
        var w = CborEnvelope.NewWriter();
        w.WriteStartArray(unsynced == 0 ? RequiredMembers : Members.Length);
        w.WriteUInt32(ContractInfo.Version);
        w.WriteInt64(batch.SeqFrom);
        w.WriteInt64(times[0]);
        w.WriteInt64(unit);
        WriteStrings(w, channels);
        w.WriteStartArray(indexes.Length);
        foreach (var index in indexes)
        {
            w.WriteInt32(index);
        }

        w.WriteEndArray();
        w.WriteStartArray(readings.Count);
        for (var i = 0; i < readings.Count; i++)
        {
            w.WriteInt64(i == 0 ? readings[0].Seq - batch.SeqFrom : readings[i].Seq - readings[i - 1].Seq);
        }

        w.WriteEndArray();
        w.WriteStartArray(times.Length);
        for (var i = 0; i < times.Length; i++)
        {
            w.WriteInt64((i == 0 ? 0 : times[i] - times[i - 1]) / unit);
        }

        w.WriteEndArray();
        w.WriteStartArray(readings.Count);
        foreach (var reading in readings)
        {
            CborNumbers.Write(w, reading.Value);
        }

        w.WriteEndArray();
        WriteQualities(w, readings);
        if (unsynced > 0)
        {
            WriteTimeQualities(w, readings, unsynced);
        }

        w.WriteEndArray();
        return w.Encode();
    }

    public static TelemetryBatch Read(CborCursor c)
    {
        const string Count = "$.readings";
        var max = ContractInfo.MaxReadingsPerBatch;
        var seqFrom = c.ReadPositive("seqFrom");
        var t0 = c.ReadInt("t0");
        var unit = c.ReadPositive("tsUnit");

        var channels = new List<string>();
        c.StartArray("channels", max, Count);
        while (c.HasMoreItems(channels.Count, max, Count))
        {
            channels.Add(c.At("channels", channels.Count).ReadTextString());
        }

        c.Reader.ReadEndArray();
        var ch = new List<int>();
        c.StartArray("ch", max, Count);
        while (c.HasMoreItems(ch.Count, max, Count))
        {
            ch.Add(c.ReadIndex(channels.Count, "ch", ch.Count));
        }

        c.Reader.ReadEndArray();
        var seqs = ReadSequences(c, seqFrom, ch.Count);
        var times = ReadTimes(c, t0, unit, ch.Count);
        var values = new double[ch.Count];
        ReadColumn(c, "val", ch.Count, i => values[i] = CborNumbers.Read(c.At("val", i)));
        var qualities = ReadQualities(c, ch.Count);
        var timeQualities = c.Reader.PeekState() == CborReaderState.EndArray ? new TimeQuality[ch.Count] : ReadTimeQualities(c, ch.Count);

        var readings = new Reading[ch.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = new Reading
            {
                Seq = seqs[i], Channel = channels[ch[i]], Timestamp = times[i], Value = values[i], Quality = qualities[i], TimeQuality = timeQualities[i],
            };
        }

        return new TelemetryBatch
        {
            Version = ContractInfo.Version,
            SeqFrom = seqFrom,
            SeqTo = readings.Length == 0 ? seqFrom : readings[^1].Seq,
            Readings = readings,
        };
    }

    private static (List<string> Channels, int[] Indexes) Dictionary(IReadOnlyList<Reading> readings)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var channels = new List<string>();
        var indexes = new int[readings.Count];
        for (var i = 0; i < readings.Count; i++)
        {
            if (!byName.TryGetValue(readings[i].Channel, out var index))
            {
                index = channels.Count;
                byName.Add(readings[i].Channel, index);
                channels.Add(readings[i].Channel);
            }

            indexes[i] = index;
        }

        return (channels, indexes);
    }

    /// <summary>The largest step every timestamp delta is a multiple of (1 ms when they share none).</summary>
    private static long TimeStep(long[] times)
    {
        long step = 0;
        for (var i = 1; i < times.Length; i++)
        {
            step = Gcd(step, Math.Abs(times[i] - times[i - 1]));
        }

        return step == 0 ? 1 : step;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static void WriteStrings(CborWriter w, List<string> strings)
    {
        w.WriteStartArray(strings.Count);
        foreach (var s in strings)
        {
            w.WriteTextString(s);
        }

        w.WriteEndArray();
    }

    private static void WriteQualities(CborWriter w, IReadOnlyList<Reading> readings)
    {
        var count = 0;
        foreach (var r in readings)
        {
            count += r.Quality == Quality.Good ? 0 : 1;
        }

        w.WriteStartMap(count);
        for (var i = 0; i < readings.Count; i++)
        {
            if (readings[i].Quality != Quality.Good)
            {
                w.WriteInt32(i);
                w.WriteInt32(CborEnums.FromQuality(readings[i].Quality));
            }
        }

        w.WriteEndMap();
    }

    private static void WriteTimeQualities(CborWriter w, IReadOnlyList<Reading> readings, int count)
    {
        w.WriteStartMap(count);
        for (var i = 0; i < readings.Count; i++)
        {
            if (readings[i].TimeQuality != TimeQuality.Synced)
            {
                w.WriteInt32(i);
                w.WriteInt32(CborEnums.FromTimeQuality(readings[i].TimeQuality));
            }
        }

        w.WriteEndMap();
    }

    private static TimeQuality[] ReadTimeQualities(CborCursor c, int count)
    {
        var qualities = new TimeQuality[count];
        var pairs = c.At("tq").ReadStartMap();
        for (var n = 0; pairs is null ? c.Reader.PeekState() != CborReaderState.EndMap : n < pairs; n++)
        {
            var index = c.ReadIndex(count, "tq");
            qualities[index] = CborEnums.ToTimeQuality(c.ReadUInt("tq", index), c.Path);
        }

        c.Reader.ReadEndMap();
        return qualities;
    }

    private static long[] ReadSequences(CborCursor c, long seqFrom, int count)
    {
        var seqs = new long[count];
        var seq = seqFrom;
        ReadColumn(c, "dseq", count, i =>
        {
            var delta = c.ReadUInt("dseq", i);
            seq = delta > long.MaxValue ? throw new OverflowException("sequence delta past 2^63") : checked(seq + (long)delta);
            seqs[i] = seq;
        });
        return seqs;
    }

    private static DateTimeOffset[] ReadTimes(CborCursor c, long t0, long unit, int count)
    {
        var times = new DateTimeOffset[count];
        var ms = t0;
        ReadColumn(c, "dts", count, i =>
        {
            ms = checked(ms + (c.ReadInt("dts", i) * unit));
            times[i] = c.ToTimestamp(ms);
        });
        return times;
    }

    /// <summary>Reads a column that must have exactly one item per reading.</summary>
    private static void ReadColumn(CborCursor c, string name, int count, Action<int> readItem)
    {
        var length = c.At(name).ReadStartArray();
        if (length is not null && length != count)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, "$." + name,
                $"column '{name}' has {length} items but 'ch' has {count}; every column needs one item per reading");
        }

        for (var i = 0; i < count; i++)
        {
            readItem(i);
        }

        c.At(name).ReadEndArray();
    }

    private static Quality[] ReadQualities(CborCursor c, int count)
    {
        var qualities = new Quality[count];
        var pairs = c.At("q").ReadStartMap();
        for (var n = 0; pairs is null ? c.Reader.PeekState() != CborReaderState.EndMap : n < pairs; n++)
        {
            var index = c.ReadIndex(count, "q");
            qualities[index] = CborEnums.ToQuality(c.ReadUInt("q", index), c.Path);
        }

        c.Reader.ReadEndMap();
        return qualities;
    }
}
