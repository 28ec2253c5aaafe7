using NUnit.Framework;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Vectors;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>Uplink:Encoding through the real uplink and a real broker: content type, exact readings, bytes on the wire.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MqttUplinkEncodingTests
{
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("uplink-encoding");
        _broker = await TestBroker.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [TestCase("cbor", ContractInfo.CborContentType)]
    [TestCase("cbor+deflate", ContractInfo.CborDeflateContentType)]
    [TestCase("json", ContractInfo.JsonContentType)]
    public async Task Drain_EncodingConfigured_ReadingsAndEventsArriveExactlyWithThatContentType(string encoding, string contentType)
    {
        var reference = ReferenceBtsBatch.Create();
        var data = await DrainAsync(encoding, reference, withEvent: true);

        Assert.That(data.Select(m => m.ContentType), Is.All.EqualTo(contentType));
        var events = data.Single(m => m.IsEvents).Events.Events;
        Assert.That(events.Select(e => e.Code), Is.EqualTo(new[] { "mains_fail" }));
        var got = data.Where(m => m.IsTelemetry).SelectMany(m => m.Telemetry.Readings).ToList();
        Assert.That(got.Select(r => (r.Channel, r.Timestamp, r.Value, r.Quality)),
            Is.EqualTo(reference.Readings.Select(r => (r.Channel, r.Timestamp, r.Value, r.Quality))).AsCollection);
    }

    [TestCase("cbor")]
    [TestCase("cbor+deflate")]
    public async Task Drain_ReferenceBtsBatchCompact_AtMost12BytesPerReadingOnTheWire(string encoding)
    {
        var reference = ReferenceBtsBatch.Create();
        var data = await DrainAsync(encoding, reference, withEvent: false);

        // The bytes the uplink published, framed as one MQTT 5 PUBLISH on the reference device's topic.
        var topic = DeviceTopics.For(ReferenceBtsBatch.DeviceId, TopicKind.Telemetry);
        var wire = data.Where(m => m.IsTelemetry).Sum(m => MqttWireSize.Publish(topic, m.ContentType!, m.Payload));
        var perReading = (double)wire / reference.Readings.Count;
        TestContext.Out.WriteLine($"{encoding}: {data.Count} PUBLISH, {wire} B, {perReading:F2} B/reading");
        Assert.That(perReading, Is.LessThanOrEqualTo(12.0));
    }

    [Test]
    public void Validate_UnknownEncoding_NamesTheKeyTheValueAndTheChoices()
    {
        var result = new UplinkOptionsValidator().Validate(null, new UplinkOptions { Encoding = "protobuf" });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Uplink:Encoding 'protobuf'").And.Contain("cbor+deflate"));
    }

    private async Task<List<ReceivedMessage>> DrainAsync(string encoding, TelemetryBatch reference, bool withEvent)
    {
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path, configure: o => o.Encoding = encoding);
        var readings = reference.Readings.Select(r => new SensorReading(r.Channel, r.Timestamp, r.Value, r.Quality)).ToList();
        await gw.Outbox.AppendReadingsAsync(readings, CancellationToken.None);
        if (withEvent)
        {
            await gw.Outbox.AppendEventAsync(new EventDraft(reference.Readings[0].Timestamp, "mains_fail", EventAction.Raise, Severity.Major), default);
        }

        gw.Start();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _broker.Received.Where(m => m.IsTelemetry || m.IsEvents).ToList();
    }
}
