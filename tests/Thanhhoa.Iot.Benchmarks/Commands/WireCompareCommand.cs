using System.Globalization;
using Thanhhoa.Iot.Benchmarks.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>-- wire-compare</c>: bytes per reading of the reference BTS batch, one MQTT 5 QoS 1 PUBLISH each (MQTTnet's
/// formatter), in our three encodings, ThingsBoard's gateway telemetry JSON and a Sparkplug B payload (names, aliases).
/// Byte counts are exact and deterministic; no timing.
/// </summary>
internal static class WireCompareCommand
{
    public static Task<int> RunAsync()
    {
        var batch = ReferenceBtsBatch.Create();
        var ours = DeviceTopics.For(ReferenceBtsBatch.DeviceId, TopicKind.Telemetry);
        var rows = new List<(string Name, string Topic, string? ContentType, byte[] Payload)>
        {
            ("ours JSON", ours, PayloadCodec.ContentTypeOf(PayloadEncoding.Json), PayloadCodec.Encode(batch, PayloadEncoding.Json)),
            ("ours CBOR", ours, PayloadCodec.ContentTypeOf(PayloadEncoding.Cbor), PayloadCodec.Encode(batch, PayloadEncoding.Cbor)),
            ("ours CBOR+deflate", ours, PayloadCodec.ContentTypeOf(PayloadEncoding.CborDeflate), PayloadCodec.Encode(batch, PayloadEncoding.CborDeflate)),
            ("ThingsBoard gateway JSON", ThingsBoardTelemetry.Topic, null, ThingsBoardTelemetry.Encode(ReferenceBtsBatch.DeviceId, batch)),
            ("Sparkplug B, metric names", SparkplugPayload.Topic, null, SparkplugPayload.Encode(batch, aliases: false)),
            ("Sparkplug B, aliases", SparkplugPayload.Topic, null, SparkplugPayload.Encode(batch, aliases: true)),
        };
        var n = batch.Readings.Count;
        var baseline = MqttWireSize.Publish(rows[0].Topic, rows[0].ContentType!, rows[0].Payload);
        Console.WriteLine($"reference BTS batch: {n} readings, {batch.Readings.Select(r => r.Channel).Distinct().Count()} channels");
        Console.WriteLine("| format | topic | payload B | PUBLISH B | B/reading (wire) | vs ours JSON |");
        Console.WriteLine("|---|---|--:|--:|--:|--:|");
        foreach (var (name, topic, contentType, payload) in rows)
        {
            var wire = MqttWireSize.Publish(topic, contentType!, payload);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | `{topic}` | {payload.Length} | {wire} | {(double)wire / n:F2} | {(double)wire / baseline:P1} |"));
        }

        return Task.FromResult(0);
    }
}
