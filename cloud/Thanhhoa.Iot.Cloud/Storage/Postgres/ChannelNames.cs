namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The distinct channel names of one block in first-seen order, with 1-based positions (PostgreSQL's array base)
/// for <c>channel_idx</c>. A block names a handful of channels, so a linear search beats hashing each reading's
/// name until there are many.
/// </summary>
internal sealed class ChannelNames
{
    private const int SearchUpTo = 16;
    private readonly List<string> _names = [];
    private Dictionary<string, short>? _positions;

    public short PositionOf(string channel)
    {
        if (_positions is not null)
        {
            return _positions.TryGetValue(channel, out var p) ? p : Add(channel);
        }

        for (var i = 0; i < _names.Count; i++)
        {
            if (string.Equals(_names[i], channel, StringComparison.Ordinal))
            {
                return (short)(i + 1);
            }
        }

        return Add(channel);
    }

    public string[] ToArray() => [.. _names];

    private short Add(string channel)
    {
        _names.Add(channel);
        var position = checked((short)_names.Count);
        if (_positions is not null)
        {
            _positions.Add(channel, position);
        }
        else if (_names.Count > SearchUpTo)
        {
            _positions = new Dictionary<string, short>(StringComparer.Ordinal);
            for (var i = 0; i < _names.Count; i++)
            {
                _positions.Add(_names[i], (short)(i + 1));
            }
        }

        return position;
    }
}
