using System.Net;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Protocol;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

[TestFixture]
[Category("Integration")]
public sealed class EmbeddedBrokerTests() : EmbeddedCloudTest("cloud-embedded")
{
    [Test]
    public async Task Publish_Telemetry_PubAckSuccessOnlyOnceReadingIsQueryable()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        var ack = await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 3));

        // No waiting: the acknowledgement itself is the proof that the rows are stored.
        var readings = await Cloud.GetJsonAsync<List<StoredReading>>("/api/devices/gw-1/readings?from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z");
        var device = await Cloud.GetJsonAsync<DeviceState>("/api/devices/gw-1");
        Assert.Multiple(() =>
        {
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
            Assert.That(readings.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(device.Channels["battery_v"].Value, Is.EqualTo(50.0));
        });
    }

    [Test]
    public async Task Publish_SameBatchTwice_SuccessBothTimesStoredOnce()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 3));
        var again = await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 3));
        var readings = await Cloud.GetJsonAsync<List<StoredReading>>("/api/devices/gw-1/readings?from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z");
        Assert.Multiple(() =>
        {
            Assert.That(again.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
            Assert.That(readings, Has.Count.EqualTo(3));
            Assert.That(Cloud.Signals.ReadingDuplicates, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Publish_InvalidPayload_PayloadFormatInvalidAndRejectVisible()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        var ack = await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryWithBadValue());
        var rejects = await Cloud.GetJsonAsync<RejectReport>("/api/devices/gw-1/rejects");
        var all = await Cloud.GetJsonAsync<RejectReport>("/api/rejects");
        Assert.Multiple(() =>
        {
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.PayloadFormatInvalid));
            Assert.That(ack.ReasonString, Does.StartWith("InvalidValue at $.readings[1].val"));
            Assert.That(rejects.Counts.Single(), Is.EqualTo(new RejectCount("gw-1", "InvalidValue", 1)));
            Assert.That(rejects.Recent.Single().Field, Is.EqualTo("$.readings[1].val"));
            Assert.That(all.Total, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Publish_OtherDevicesTopic_NotAuthorizedAndNothingStored()
    {
        using var intruder = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        var ack = await intruder.PublishAsync("thiot/v1/gw-2/up/telemetry", TestMessages.TelemetryJson(1, 1));
        using var response = await Cloud.Http.GetAsync(new Uri("/api/devices/gw-2", UriKind.Relative));
        var rejects = await Cloud.GetJsonAsync<RejectReport>("/api/devices/gw-1/rejects");
        Assert.Multiple(() =>
        {
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(rejects.Counts.Single().Reason, Is.EqualTo("WrongTopic"));
        });
    }

    [Test]
    public async Task Publish_AfterRejects_IngestContinues()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", "{"u8.ToArray());
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 1), "application/cbor");
        var ok = await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 1));
        Assert.Multiple(() =>
        {
            Assert.That(ok.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
            Assert.That(Cloud.Signals.Rejects, Is.EqualTo(2));
        });
    }

    [Test]
    public void Connect_ClientIdNotADeviceId_Refused()
    {
        var ex = Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => TestMqtt.ConnectAsync(Cloud.MqttPort, "Not A Device"));
        Assert.That(ex!.ToString(), Does.Contain("NotAuthorized"));
    }

    [Test]
    public async Task Subscribe_OtherDevicesDownTopic_NotAuthorized()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        var result = await gateway.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("thiot/v1/gw-2/down/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("thiot/v1/gw-1/down/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.That(result.Items.Select(i => i.ResultCode), Is.EqualTo(new[]
        {
            MqttClientSubscribeResultCode.NotAuthorized,
            MqttClientSubscribeResultCode.GrantedQoS1,
        }));
    }

    [Test]
    public async Task ConnectionLost_LastWillDelivered_DeviceOffline()
    {
        var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1", will: TestMessages.StateJson(LinkState.Offline, 1, "lost"));
        await gateway.PublishAsync("thiot/v1/gw-1/up/state", TestMessages.StateJson(LinkState.Online, 1));
        Assert.That((await Cloud.GetJsonAsync<DeviceState>("/api/devices/gw-1")).Online, Is.True);

        gateway.Dispose(); // drops the TCP connection without DISCONNECT: the broker publishes the will
        await Cloud.Signals.WaitUntilAsync(s => s.Links.Any(l => l.Update.State == LinkState.Offline && l.Applied));

        var device = await Cloud.GetJsonAsync<DeviceState>("/api/devices/gw-1");
        Assert.Multiple(() =>
        {
            Assert.That(device.Online, Is.False);
            Assert.That(device.Session, Is.EqualTo(1));
            Assert.That(device.OfflineReason, Is.Not.Null);
        });
    }

    [Test]
    public async Task Reconnect_WillOfOldSessionArrivesLate_NewSessionStaysOnline()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/state", TestMessages.StateJson(LinkState.Online, 2));
        var late = await gateway.PublishAsync("thiot/v1/gw-1/up/state", TestMessages.StateJson(LinkState.Offline, 1, "lost"));
        var device = await Cloud.GetJsonAsync<DeviceState>("/api/devices/gw-1");
        Assert.Multiple(() =>
        {
            Assert.That(late.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
            Assert.That(device.Online, Is.True);
            Assert.That(device.Session, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Readings_FromAfterTo_BadRequestProblemDetails()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 1));
        using var response = await Cloud.Http.GetAsync(new Uri("/api/devices/gw-1/readings?from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain("is after to"));
        });
    }

    [Test]
    public async Task Healthz_BrokerListeningStoreWritable_Healthy()
    {
        using var response = await Cloud.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(doc.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(doc.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task Metrics_AfterIngest_CountsExposed()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 4));
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", "{\"v\":1,"u8.ToArray()); // cut off: Malformed
        var text = await Cloud.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("thiot_readings_ingested_total 4"));
            Assert.That(text, Does.Contain("thiot_rejects_total{reason=\"Malformed\"} 1"));
            Assert.That(text, Does.Contain("thiot_gateways_connected 1"));
            Assert.That(text, Does.Contain("thiot_store_write_seconds_bucket"));
        });
    }

    [Test]
    public async Task OpenApi_Document_ListsTheApi()
    {
        var text = await Cloud.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.That(text, Does.Contain("/api/devices/{id}/readings").And.Contain("/api/rejects"));
    }

    [Test]
    public async Task Restart_SameDataDirectory_DedupHoldsAndDeviceMarkedOffline()
    {
        using (var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1"))
        {
            await gateway.PublishAsync("thiot/v1/gw-1/up/state", TestMessages.StateJson(LinkState.Online, 1));
            await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 3));
        }

        await RestartCloudAsync();
        var offlineAfterRestart = await Cloud.GetJsonAsync<DeviceState>("/api/devices/gw-1");
        using var again = await TestMqtt.ConnectAsync(Cloud.MqttPort, "gw-1");
        var ack = await again.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 3));
        Assert.Multiple(() =>
        {
            Assert.That(offlineAfterRestart.Online, Is.False);
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
            Assert.That(Cloud.Signals.ReadingDuplicates, Is.EqualTo(3));
            Assert.That(Cloud.Signals.ReadingsAdded, Is.Zero);
        });
    }
}
