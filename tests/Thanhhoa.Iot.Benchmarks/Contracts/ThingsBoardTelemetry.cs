using System.Globalization;
using System.Text;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Benchmarks.Contracts;

/// <summary>
/// A batch as ThingsBoard's MQTT gateway API takes it on <c>v1/gateway/telemetry</c>:
/// <c>{"device":[{"ts":ms,"values":{"channel":value,...}},...]}</c>, readings of one instant grouped under one
/// <c>ts</c> (the most compact form the API allows). No sequence numbers: the API has none.
/// </summary>
internal static class ThingsBoardTelemetry
{
    public const string Topic = "v1/gateway/telemetry";

    public static byte[] Encode(string deviceName, TelemetryBatch batch)
    {
        var json = new StringBuilder();
        json.Append("{\"").Append(deviceName).Append("\":[");
        var first = true;
        foreach (var instant in batch.Readings.GroupBy(r => r.Timestamp.ToUnixTimeMilliseconds()))
        {
            json.Append(first ? "" : ",").Append("{\"ts\":").Append(instant.Key.ToString(CultureInfo.InvariantCulture)).Append(",\"values\":{");
            json.AppendJoin(',', instant.Select(r => $"\"{r.Channel}\":{r.Value.ToString("R", CultureInfo.InvariantCulture)}"));
            json.Append("}}");
            first = false;
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }
}
