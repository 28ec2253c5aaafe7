using System.Formats.Cbor;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>
/// A CBOR reader that remembers which member it is reading, so a failure can name the field; the
/// path string is only built when something fails.
/// </summary>
internal sealed class CborCursor(CborReader reader)
{
    private string _name = "$";
    private int _index = -1;
    private string? _member;

    public CborReader Reader => reader;

    /// <summary>The field being read, e.g. <c>$.dseq[41]</c> or <c>$.events[2].code</c>.</summary>
    public string Path
    {
        get
        {
            if (_name == "$")
            {
                return "$";
            }

            var path = _index < 0 ? "$." + _name : $"$.{_name}[{_index}]";
            return _member is null ? path : path + "." + _member;
        }
    }

    public CborReader At(string name, int index = -1, string? member = null)
    {
        _name = name;
        _index = index;
        _member = member;
        return reader;
    }

    /// <summary>Reads the start of an array of at most <paramref name="max"/> items (definite or indefinite length).</summary>
    public int? StartArray(string name, int max, string tooLargeField)
    {
        var length = At(name).ReadStartArray();
        if (length > max)
        {
            throw new ContractViolationException(RejectReason.TooLarge, tooLargeField,
                $"{length} items; a batch may carry at most {max}: split it");
        }

        return length;
    }

    /// <summary>True while the current array has items left (works for both length encodings).</summary>
    public bool HasMoreItems(int count, int max, string tooLargeField)
    {
        if (reader.PeekState() == CborReaderState.EndArray)
        {
            return false;
        }

        if (count >= max)
        {
            throw new ContractViolationException(RejectReason.TooLarge, tooLargeField,
                $"more than {max} items; a batch may carry at most {max}: split it");
        }

        return true;
    }

    public ulong ReadUInt(string name, int index = -1, string? member = null) => At(name, index, member).ReadUInt64();

    public long ReadInt(string name, int index = -1, string? member = null) => At(name, index, member).ReadInt64();

    /// <summary>A positive 63-bit integer (sequence numbers, counters).</summary>
    public long ReadPositive(string name, int index = -1, string? member = null)
    {
        var value = ReadUInt(name, index, member);
        if (value is 0 or > long.MaxValue)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, Path, $"{value} is not between 1 and {long.MaxValue}");
        }

        return (long)value;
    }

    /// <summary>Milliseconds since the Unix epoch as a timestamp, refused (naming the current field) outside years 1–9999.</summary>
    public DateTimeOffset ToTimestamp(long unixMilliseconds)
    {
        const long Min = -62_135_596_800_000;
        const long Max = 253_402_300_799_999;
        return unixMilliseconds is >= Min and <= Max
            ? DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds)
            : throw new ContractViolationException(RejectReason.InvalidValue, Path,
                $"the time is {unixMilliseconds} ms from 1970-01-01, outside years 1-9999");
    }

    /// <summary>A dictionary index, checked against the dictionary's size.</summary>
    public int ReadIndex(int count, string name, int index = -1, string? member = null)
    {
        var value = ReadUInt(name, index, member);
        if (value >= (ulong)count)
        {
            throw new ContractViolationException(RejectReason.InvalidValue, Path,
                $"index {value} is past the end of the {count}-entry dictionary");
        }

        return (int)value;
    }
}
