using System.Globalization;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Key strings. Ids are <c>[a-z0-9_-]</c>, so '|' never occurs inside one and cleanly separates parts;
/// numbers are zero-padded so ordinal order is numeric order. The document id of an event is device +
/// sequence, which is what makes deduplication hold across restarts; the id of a reading block is
/// device + hour + its first sequence (the collection's only index, so a time range is an id range).
/// </summary>
internal static class LiteDbKeys
{
    public const string Device = "d";
    public const string DeviceTime = "dt";

    public static string Id(string deviceId, long seq) => $"{deviceId}|{Pad(seq)}";

    public static string ByTime(string deviceId, DateTimeOffset at, long seq) => $"{deviceId}|{Pad(at.UtcTicks)}|{Pad(seq)}";

    /// <summary>The id of a reading block: one per device, hour and message, so the first sequence number (stored once) tells blocks of one hour apart.</summary>
    public static string Block(string deviceId, DateTimeOffset hour, long firstSeq) => ByTime(deviceId, hour, firstSeq);

    /// <summary>Lowest and highest key of the inclusive time range (every sequence number included).</summary>
    public static (string Low, string High) TimeRange(string prefix, DateTimeOffset from, DateTimeOffset to) =>
        ($"{prefix}|{Pad(from.UtcTicks)}|{Pad(0)}", $"{prefix}|{Pad(to.UtcTicks)}|{Pad(long.MaxValue)}");

    private static string Pad(long value) => value.ToString("D19", CultureInfo.InvariantCulture);
}
