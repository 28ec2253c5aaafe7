using System.Globalization;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Key strings. Ids are <c>[a-z0-9_-]</c>, so '|' never occurs inside one and cleanly separates parts;
/// numbers are zero-padded so ordinal order is numeric order. The document id of a reading or event
/// is device + sequence, which is what makes deduplication hold across restarts.
/// </summary>
internal static class LiteDbKeys
{
    public const string Device = "d";
    public const string DeviceTime = "dt";
    public const string DeviceChannelTime = "dct";

    public static string Id(string deviceId, long seq) => $"{deviceId}|{Pad(seq)}";

    public static string ByTime(string deviceId, DateTimeOffset at, long seq) => $"{deviceId}|{Pad(at.UtcTicks)}|{Pad(seq)}";

    public static string ByChannelTime(string deviceId, string channel, DateTimeOffset at, long seq) =>
        $"{deviceId}|{channel}|{Pad(at.UtcTicks)}|{Pad(seq)}";

    /// <summary>Lowest and highest key of the inclusive time range (every sequence number included).</summary>
    public static (string Low, string High) TimeRange(string prefix, DateTimeOffset from, DateTimeOffset to) =>
        ($"{prefix}|{Pad(from.UtcTicks)}|{Pad(0)}", $"{prefix}|{Pad(to.UtcTicks)}|{Pad(long.MaxValue)}");

    private static string Pad(long value) => value.ToString("D19", CultureInfo.InvariantCulture);
}
