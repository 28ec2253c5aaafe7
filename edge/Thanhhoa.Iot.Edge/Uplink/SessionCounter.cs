using System.Globalization;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// The MQTT session counter N of <c>up/state</c>. Each connection reserves the next number durably
/// before it is used, so a number is never handed out twice, also across restarts and power loss;
/// the cloud relies on that to ignore a late last-will of an older session.
/// </summary>
internal sealed class SessionCounter
{
    public const string FileName = "uplink-session";

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public SessionCounter(string dataDirectory, TimeProvider time)
    {
        _path = Path.Combine(dataDirectory, FileName);
        _time = time;
    }

    public string FilePath => _path;

    /// <summary>Told (with a sentence for the log) when an unreadable counter file was replaced by a safe floor.</summary>
    public Action<string>? Recovered { get; set; }

    /// <summary>Reserves and returns the next session number (the first is 1).</summary>
    public long Next()
    {
        lock (_gate)
        {
            var next = checked(ReadLast() + 1);
            DurableFile.Replace(_path, next.ToString(CultureInfo.InvariantCulture) + "\n");
            return next;
        }
    }

    /// <summary>The last number handed out; 0 before the first.</summary>
    public long ReadLast()
    {
        if (!File.Exists(_path))
        {
            return 0;
        }

        var text = File.ReadAllText(_path).Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return last;
        }

        // Unreadable counter (hand-edited, or a disk fault): jump to a number no earlier session can
        // have reached rather than refuse to connect. Only growth matters to the cloud.
        var floor = RecoveryFloor();
        Recovered?.Invoke($"Session counter file '{_path}' held '{text}', not a number; continuing from {floor}.");
        return floor;
    }

    /// <summary>Seconds since the Unix epoch: larger than any count of reconnects a gateway makes.</summary>
    public long RecoveryFloor() => Math.Max(1, _time.GetUtcNow().ToUnixTimeSeconds());
}
