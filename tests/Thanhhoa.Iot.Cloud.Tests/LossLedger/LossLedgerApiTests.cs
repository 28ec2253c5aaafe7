using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Tests.Broker;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.LossLedger;

/// <summary>The real cloud with its embedded broker: a gateway publishes what survived an outage and its loss reports.</summary>
[TestFixture]
[Category("Integration")]
public sealed class LossLedgerApiTests() : EmbeddedCloudTest("cloud-loss")
{
    private const string Device = "gw-loss";

    [Test]
    public async Task GetLoss_ReportedAndUnreportedGaps_ListsLostAndMissingExactly()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, Device);
        // Gateway dropped 4..6 and 9..12 at its quota (an alarm, 8, sat between); 15..16 are still in flight.
        await PublishTelemetryAsync(gateway, 1, 3);
        await PublishTelemetryAsync(gateway, 7, 1);
        await PublishEventsAsync(gateway, Alarm(8), Dropped(13, 4, 6), Dropped(14, 9, 12));
        await PublishTelemetryAsync(gateway, 17, 2);

        var loss = await Cloud.GetJsonAsync<LossReport>($"/api/devices/{Device}/loss");

        Assert.That(loss.HighestSeq, Is.EqualTo(18));
        Assert.That(loss.Lost, Is.EqualTo(new[] { new LossRange(4, 6), new LossRange(9, 12) }));
        Assert.That(loss.Missing, Is.EqualTo(new[] { new LossRange(15, 16) }));
    }

    [Test]
    public async Task GetLoss_RangeReportedTwiceAsItGrew_MergedAndOnlyAbsentSequencesCount()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, Device);
        await PublishEventsAsync(gateway, Dropped(10, 1, 4), Dropped(11, 1, 9));
        await PublishTelemetryAsync(gateway, 12, 1);

        var loss = await Cloud.GetJsonAsync<LossReport>($"/api/devices/{Device}/loss");

        Assert.That(loss.Lost, Is.EqualTo(new[] { new LossRange(1, 9) }));
        Assert.That(loss.Missing, Is.Empty);
    }

    [Test]
    public async Task GetLoss_CommandResultAndConfigReportBetweenReadings_NoMissingRanges()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, Device);
        // One outbox sequence space: readings 1..3, a command result 4, a configuration report 5, readings 6..7.
        await PublishTelemetryAsync(gateway, 1, 3);
        await PublishControlAsync(gateway, "cmd-result", """{"v":1,"id":"c-1","status":"succeeded","ts":"2026-11-26T04:00:00.000Z","seq":4}""");
        await PublishControlAsync(gateway, "config-reported", """{"v":1,"version":1,"status":"applied","ts":"2026-11-26T04:00:00.000Z","appliedVersion":1,"seq":5}""");
        await PublishTelemetryAsync(gateway, 6, 2);

        var loss = await Cloud.GetJsonAsync<LossReport>($"/api/devices/{Device}/loss");

        Assert.That(loss.HighestSeq, Is.EqualTo(7));
        Assert.That(loss.Missing, Is.Empty);
        Assert.That(loss.Lost, Is.Empty);
    }

    [Test]
    public async Task GetLoss_UnknownDevice_NotFoundNamingTheDevice()
    {
        using var response = await Cloud.Http.GetAsync(new Uri("/api/devices/nobody/loss", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nobody"));
    }

    private static DeviceEvent Alarm(long seq) => new()
    {
        Seq = seq, Timestamp = TestMessages.T0.AddSeconds(seq), Code = "mains_fail", Action = EventAction.Raise, Severity = Severity.Critical, Channel = "mains",
    };

    private static DeviceEvent Dropped(long seq, long from, long to) => new()
    {
        Seq = seq,
        Timestamp = TestMessages.T0.AddSeconds(seq),
        Code = LossLedgerCalculator.DroppedEventCode,
        Action = EventAction.Info,
        Severity = Severity.Warning,
        Values = new Dictionary<string, double> { ["from"] = from, ["to"] = to, ["count"] = to - from + 1 },
    };

    private static async Task PublishTelemetryAsync(IMqttClient gateway, long first, int count)
    {
        var payload = PayloadCodec.Encode(TestMessages.Telemetry(first, count), PayloadEncoding.CborDeflate);
        var ack = await gateway.PublishAsync($"thiot/v1/{Device}/up/telemetry", payload, ContractInfo.CborDeflateContentType);
        Assert.That(ack.IsSuccess, Is.True, ack.ReasonString);
    }

    private static async Task PublishControlAsync(IMqttClient gateway, string kind, string json)
    {
        var ack = await gateway.PublishAsync($"thiot/v1/{Device}/up/{kind}", System.Text.Encoding.UTF8.GetBytes(json), ContractInfo.JsonContentType);
        Assert.That(ack.IsSuccess, Is.True, ack.ReasonString);
    }

    private static async Task PublishEventsAsync(IMqttClient gateway, params DeviceEvent[] events)
    {
        var batch = new EventBatch { Version = 1, SeqFrom = events[0].Seq, SeqTo = events[^1].Seq, Events = events };
        var ack = await gateway.PublishAsync($"thiot/v1/{Device}/up/events", JsonCodec.Encode(batch), ContractInfo.JsonContentType);
        Assert.That(ack.IsSuccess, Is.True, ack.ReasonString);
    }
}
