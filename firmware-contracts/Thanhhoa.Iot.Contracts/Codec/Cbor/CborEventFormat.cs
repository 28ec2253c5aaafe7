using System.Formats.Cbor;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>
/// Event batch as CBOR (schemas/event-batch.cddl): codes, channel ids and value keys listed once in a
/// name dictionary; each event an array whose trailing optional members are left out when absent.
/// </summary>
internal static class CborEventFormat
{
    /// <summary>Names of the top-level array's members, in order; they are the field paths of errors.</summary>
    public static readonly string[] Members = ["v", "seqFrom", "t0", "names", "events"];

    private const int RequiredMembers = 5;
    private const int AllMembers = 9;

    public static byte[] Write(EventBatch batch)
    {
        var names = new NameTable();
        foreach (var e in batch.Events)
        {
            names.Add(e.Code);
            names.Add(e.Channel);
            foreach (var key in e.Values?.Keys ?? Enumerable.Empty<string>())
            {
                names.Add(key);
            }
        }

        var w = CborEnvelope.NewWriter();
        w.WriteStartArray(Members.Length);
        w.WriteUInt32(ContractInfo.Version);
        w.WriteInt64(batch.SeqFrom);
        var t0 = batch.Events[0].Timestamp.ToUnixTimeMilliseconds();
        w.WriteInt64(t0);
        w.WriteStartArray(names.Names.Count);
        foreach (var name in names.Names)
        {
            w.WriteTextString(name);
        }

        w.WriteEndArray();
        w.WriteStartArray(batch.Events.Count);
        var (seq, ms) = (batch.SeqFrom, t0);
        foreach (var e in batch.Events)
        {
            var at = e.Timestamp.ToUnixTimeMilliseconds();
            WriteEvent(w, e, e.Seq - seq, at - ms, names);
            (seq, ms) = (e.Seq, at);
        }

        w.WriteEndArray();
        w.WriteEndArray();
        return w.Encode();
    }

    public static EventBatch Read(CborCursor c)
    {
        const string Count = "$.events";
        var max = ContractInfo.MaxEventsPerBatch;
        var seqFrom = c.ReadPositive("seqFrom");
        var ms = c.ReadInt("t0");
        var names = new List<string>();
        c.StartArray("names", max * 10, "$.names");
        while (c.HasMoreItems(names.Count, max * 10, "$.names"))
        {
            names.Add(c.At("names", names.Count).ReadTextString());
        }

        c.Reader.ReadEndArray();
        var events = new List<DeviceEvent>();
        c.StartArray("events", max, Count);
        var seq = seqFrom;
        while (c.HasMoreItems(events.Count, max, Count))
        {
            var e = ReadEvent(c, events.Count, names, ref seq, ref ms);
            events.Add(e);
        }

        c.Reader.ReadEndArray();
        return new EventBatch
        {
            Version = ContractInfo.Version,
            SeqFrom = seqFrom,
            SeqTo = events.Count == 0 ? seqFrom : events[^1].Seq,
            Events = events,
        };
    }

    private static void WriteEvent(CborWriter w, DeviceEvent e, long dseq, long dts, NameTable names)
    {
        var length = e.TimeQuality != TimeQuality.Synced ? 9 : e.Values is not null ? 8 : e.Message is not null ? 7 : e.Channel is not null ? 6 : 5;
        w.WriteStartArray(length);
        w.WriteInt64(dseq);
        w.WriteInt64(dts);
        w.WriteInt32(names.IndexOf(e.Code));
        w.WriteInt32(CborEnums.FromAction(e.Action));
        w.WriteInt32(CborEnums.FromSeverity(e.Severity));
        if (length > 5)
        {
            WriteOptionalIndex(w, e.Channel, names);
        }

        if (length > 6)
        {
            WriteOptionalText(w, e.Message);
        }

        if (length > 7)
        {
            WriteValues(w, e.Values, names);
        }

        if (length > 8)
        {
            w.WriteInt32(CborEnums.FromTimeQuality(e.TimeQuality));
        }

        w.WriteEndArray();
    }

    private static DeviceEvent ReadEvent(CborCursor c, int i, List<string> names, ref long seq, ref long ms)
    {
        var length = c.At("events", i).ReadStartArray();
        if (length is < RequiredMembers or > AllMembers)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, c.Path,
                $"an event has {RequiredMembers} to {AllMembers} members, not {length}");
        }

        var dseq = c.ReadUInt("events", i, "seq");
        seq = dseq > long.MaxValue ? throw new OverflowException("sequence delta past 2^63") : checked(seq + (long)dseq);
        ms = checked(ms + c.ReadInt("events", i, "ts"));
        var ts = c.ToTimestamp(ms);
        var code = names[c.ReadIndex(names.Count, "events", i, "code")];
        var action = CborEnums.ToAction(c.ReadUInt("events", i, "action"), c.Path);
        var severity = CborEnums.ToSeverity(c.ReadUInt("events", i, "severity"), c.Path);
        var channel = length > 5 ? ReadOptionalIndex(c, names, i) : null;
        var message = length > 6 ? ReadOptionalText(c, i) : null;
        var values = length > 7 ? ReadValues(c, names, i) : null;
        var timeQuality = length > 8 ? CborEnums.ToTimeQuality(c.ReadUInt("events", i, "tq"), c.Path) : TimeQuality.Synced;
        c.At("events", i).ReadEndArray();
        return new DeviceEvent
        {
            Seq = seq, Timestamp = ts, Code = code, Action = action, Severity = severity,
            Channel = channel, Message = message, Values = values, TimeQuality = timeQuality,
        };
    }

    private static string? ReadOptionalIndex(CborCursor c, List<string> names, int i)
    {
        if (c.At("events", i, "ch").PeekState() == CborReaderState.Null)
        {
            c.Reader.ReadNull();
            return null;
        }

        return names[c.ReadIndex(names.Count, "events", i, "ch")];
    }

    private static string? ReadOptionalText(CborCursor c, int i)
    {
        if (c.At("events", i, "msg").PeekState() == CborReaderState.Null)
        {
            c.Reader.ReadNull();
            return null;
        }

        return c.Reader.ReadTextString();
    }

    private static Dictionary<string, double>? ReadValues(CborCursor c, List<string> names, int i)
    {
        if (c.At("events", i, "values").PeekState() == CborReaderState.Null)
        {
            c.Reader.ReadNull();
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var pairs = c.Reader.ReadStartMap();
        for (var n = 0; pairs is null ? c.Reader.PeekState() != CborReaderState.EndMap : n < pairs; n++)
        {
            var key = names[c.ReadIndex(names.Count, "events", i, "values")];
            if (!values.TryAdd(key, CborNumbers.Read(c.At("events", i, "values." + key))))
            {
                throw new ContractViolationException(RejectReason.Malformed, c.Path, $"value key '{key}' appears twice");
            }
        }

        c.Reader.ReadEndMap();
        return values;
    }

    private static void WriteValues(CborWriter w, IReadOnlyDictionary<string, double>? values, NameTable names)
    {
        if (values is null)
        {
            w.WriteNull();
            return;
        }

        w.WriteStartMap(values.Count);
        foreach (var (key, value) in values)
        {
            w.WriteInt32(names.IndexOf(key));
            CborNumbers.Write(w, value);
        }

        w.WriteEndMap();
    }

    private static void WriteOptionalIndex(CborWriter w, string? name, NameTable names)
    {
        if (name is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteInt32(names.IndexOf(name));
        }
    }

    private static void WriteOptionalText(CborWriter w, string? text)
    {
        if (text is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteTextString(text);
        }
    }

    /// <summary>Names in order of first use.</summary>
    private sealed class NameTable
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<string> Names { get; } = [];

        public void Add(string? name)
        {
            if (name is not null && _index.TryAdd(name, Names.Count))
            {
                Names.Add(name);
            }
        }

        public int IndexOf(string name) => _index[name];
    }
}
