namespace Thanhhoa.Iot.Contracts;

/// <summary>Fixed facts of wire contract version 1.</summary>
public static class ContractInfo
{
    /// <summary>The contract version every message carries in its <c>v</c> field.</summary>
    public const int Version = 1;

    /// <summary>Most readings one telemetry batch may carry; larger batches are rejected whole.</summary>
    public const int MaxReadingsPerBatch = 2000;

    /// <summary>Most events one event batch may carry.</summary>
    public const int MaxEventsPerBatch = 500;

    /// <summary>Largest payload in bytes either side accepts for one message.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    /// <summary>Most channels one desired configuration may name.</summary>
    public const int MaxConfigChannels = 256;

    /// <summary>Most alarm rules one channel of a desired configuration may name.</summary>
    public const int MaxConfigAlarmsPerChannel = 32;

    /// <summary>Longest interval in seconds a desired configuration may set (one day).</summary>
    public const int MaxConfigSeconds = 86_400;

    /// <summary>Longest device or channel identifier.</summary>
    public const int MaxIdLength = 64;

    /// <summary>MQTT 5 content type of the readable JSON encoding (the default when absent).</summary>
    public const string JsonContentType = "application/json";

    /// <summary>MQTT 5 content type of the compact binary encoding (CBOR, RFC 8949; see the CDDL in <c>schemas/</c>).</summary>
    public const string CborContentType = "application/cbor";

    /// <summary>MQTT 5 content type of the compact binary encoding, raw-deflated (RFC 1951, no zlib header).</summary>
    public const string CborDeflateContentType = "application/cbor+deflate";

    /// <summary>
    /// MQTT 5 user property of the CONNACK in which a broker that knows the time tells the gateway the
    /// server's UTC time, ISO-8601 with a Z (e.g. <c>2026-11-26T04:00:00.000Z</c>); optional, for gateways without a real-time clock.
    /// </summary>
    public const string ServerTimeProperty = "thiot-time";

    /// <summary>True when <paramref name="id"/> is a legal device or channel id: 1–64 of <c>[a-z0-9_-]</c>.</summary>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
