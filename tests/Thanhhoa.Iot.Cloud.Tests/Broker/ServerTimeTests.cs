using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>Gateways without a real-time clock: the CONNACK tells them the time, and what they could not place in time is stored flagged.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ServerTimeTests() : EmbeddedCloudTest("cloud-server-time")
{
    [Test]
    public async Task Connect_Device_ConnackCarriesTheServerTimeInUtc()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Cloud.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("gw-1")
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var connack = await client.ConnectAsync(options);
        var after = DateTimeOffset.UtcNow;

        var value = connack.UserProperties?.SingleOrDefault(p => p.Name == ContractInfo.ServerTimeProperty)?.ReadValueAsString();
        Assert.That(value, Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
        var serverTime = DateTimeOffset.Parse(value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.That(serverTime, Is.InRange(before, after));
    }

    [Test]
    public async Task Publish_ReadingFlaggedUnsynced_FlagVisibleInReadingsApi()
    {
        var t0 = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
        var batch = new TelemetryBatch
        {
            Version = 1,
            SeqFrom = 1,
            SeqTo = 2,
            Readings =
            [
                new Reading { Seq = 1, Channel = "battery_v", Timestamp = t0, Value = 51, Quality = Quality.Good, TimeQuality = TimeQuality.Unsynced },
                new Reading { Seq = 2, Channel = "battery_v", Timestamp = t0.AddMinutes(1), Value = 52, Quality = Quality.Good },
            ],
        };
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", CborCodec.Encode(batch), ContractInfo.CborContentType);

        var readings = await Cloud.GetJsonAsync<List<StoredReading>>("/api/devices/gw-1/readings?from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z");
        Assert.That(readings.Select(r => (r.Seq, r.TimeQuality)), Is.EqualTo(new[] { (1L, TimeQuality.Unsynced), (2L, TimeQuality.Synced) }));
    }
}
