using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>
/// Bytes per reading as a 2G link pays for them: the reference BTS batch (20 channels × 15 readings,
/// 5–60 s intervals) in one MQTT 5 QoS 1 PUBLISH with its content type, framed by MQTTnet.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class WireSizeTests
{
    private static readonly string Topic = DeviceTopics.For(ReferenceBtsBatch.DeviceId, TopicKind.Telemetry);

    private static double BytesPerReading(PayloadEncoding encoding)
    {
        var batch = ReferenceBtsBatch.Create();
        var payload = PayloadCodec.Encode(batch, encoding);
        var wire = MqttWireSize.Publish(Topic, PayloadCodec.ContentTypeOf(encoding), payload);
        TestContext.Out.WriteLine($"{encoding}: payload {payload.Length} B, PUBLISH {wire} B, {(double)wire / batch.Readings.Count:F2} B/reading");
        return (double)wire / batch.Readings.Count;
    }

    [Test]
    public void Cbor_ReferenceBtsBatch_AtMost12BytesPerReadingOnTheWire()
    {
        Assert.That(BytesPerReading(PayloadEncoding.Cbor), Is.LessThanOrEqualTo(12.0));
    }

    [Test]
    public void CborDeflate_ReferenceBtsBatch_SmallerThanPlainCbor()
    {
        Assert.That(BytesPerReading(PayloadEncoding.CborDeflate), Is.LessThan(BytesPerReading(PayloadEncoding.Cbor)));
    }

    [Test]
    public void Json_ReferenceBtsBatch_AtLeastFiveTimesCbor()
    {
        // Guards the comparison the data budget rests on; JSON stays the readable, not the cheap, encoding.
        Assert.That(BytesPerReading(PayloadEncoding.Json), Is.GreaterThan(5 * BytesPerReading(PayloadEncoding.Cbor)));
    }

    [Test]
    public void MqttWireSize_SmallPublish_MatchesTheMqtt5Layout()
    {
        // Fixed header 2 + topic (2 + 5) + packet id 2 + properties (1 + content type 1 + 2 + 16) + payload 3.
        var size = MqttWireSize.Publish("a/b/c", "application/cbor", [1, 2, 3]);
        Assert.That(size, Is.EqualTo(2 + 7 + 2 + 20 + 3));
    }
}
