using System.Globalization;
using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Mosquitto;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Pipeline;

/// <summary>Clients and brokers nobody here wrote: mosquitto_pub as third-party firmware, mosquitto as the broker.</summary>
[TestFixture]
[Category("Integration")]
public sealed class InteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task MosquittoPub_MessageWrittenFromTheSchema_IsIngested_AndASchemaBreakIsRejectedWithItsReason()
    {
        var mosquittoPub = ExternalTool.Require("mosquitto_pub", "mosquitto-clients");
        using var dir = new TempDirectory("e2e-pub");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"));
        const string Device = "esp32-hamlet-07";
        var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        // Written by hand from firmware-contracts/schemas/telemetry-batch.schema.json, as an ESP32 author would.
        var good = $$"""{"v":1,"seqFrom":1,"seqTo":2,"readings":[{"seq":1,"ch":"battery_v","ts":"{{ts}}","val":52.7,"q":"good"},{"seq":2,"ch":"door_open","ts":"{{ts}}","val":0,"q":"good"}]}""";
        await PublishAsync(mosquittoPub, cloud.MqttPort, Device, good);
        var readings = await Eventually.UntilAsync(() => cloud.Api.AllReadingsAsync(Device), r => r.Count == 2, Wait, "the two readings");
        Assert.That(readings.Select(r => (r.Seq, r.Channel, r.Value)), Is.EqualTo(new[] { (1L, "battery_v", 52.7), (2L, "door_open", 0.0) }));

        // Breaks the schema: channel ids are lower-case a-z, 0-9, '_' or '-'.
        var bad = $$"""{"v":1,"seqFrom":3,"seqTo":3,"readings":[{"seq":3,"ch":"Battery V","ts":"{{ts}}","val":52.6,"q":"good"}]}""";
        await PublishAsync(mosquittoPub, cloud.MqttPort, Device, bad);
        var report = await Eventually.UntilAsync(() => cloud.Api.RejectsAsync(Device), r => r.Total >= 1, Wait, "the reject");
        Assert.Multiple(() =>
        {
            Assert.That(report.Recent[0].Reason, Is.EqualTo("InvalidValue"));
            Assert.That(report.Recent[0].Field, Is.EqualTo("$.readings[0].ch"));
            Assert.That(report.Recent[0].Detail, Does.Contain("Battery V"));
        });
        Assert.That((await cloud.Api.AllReadingsAsync(Device)).Count, Is.EqualTo(2), "the rejected reading is not stored");
    }

    [Test]
    public async Task MosquittoBroker_SamePipe_CloudHoldsEveryReadingExactlyOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var dir = new TempDirectory("e2e-mosq");
        await using var cloud = await CloudProcess.StartAsync(dir.File("cloud"),
            "--Broker:Mode=External", "--Broker:External:Host=127.0.0.1", $"--Broker:External:Port={broker.Port}");
        await using var fleet = await FleetProcess.StartAsync(2, broker.Port, dir.File("fleet"), "mosq-");
        foreach (var id in fleet.DeviceIds)
        {
            await Eventually.UntilAsync(() => cloud.Api.AllReadingsAsync(id), r => r.Count >= 100, Wait, $"100 readings from {id} via mosquitto");
        }

        await fleet.StopAsync();
        foreach (var id in fleet.DeviceIds)
        {
            await DeliveryCheck.AssertExactlyOnceAsync(cloud.Api, id, await OutboxContents.ReadAsync(fleet.OutboxDirectory(id)));
        }
    }

    private static async Task PublishAsync(string mosquittoPub, int port, string device, string json)
    {
        await using var pub = ChildProcess.Start(mosquittoPub,
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-i", device,
            "-q", "1", "-t", $"thiot/v1/{device}/up/telemetry", "-D", "publish", "content-type", "application/json", "-m", json,
        ], name: "mosquitto_pub");
        await pub.WaitForExitAsync(Wait);
    }
}
