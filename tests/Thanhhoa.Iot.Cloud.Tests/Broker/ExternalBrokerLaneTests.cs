using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Tests.Commands;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>
/// The external-broker ingest's two lanes at a real mosquitto: control messages (alarms, births, command
/// results) pass a telemetry backlog, and a session from before the lanes is taken over without loss.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ExternalBrokerLaneTests() : ExternalBrokerFixture("cloud-lanes")
{
    [Test]
    public async Task TelemetryLaneFull_AlarmAndCommandResult_StoredWhileTelemetryHeld()
    {
        // The telemetry store is held: the lane's 4 in-flight messages wait in it, the rest queue at mosquitto.
        const int inFlight = 4, telemetry = 10;
        var held = new PausedReadingsWriter(inFlight);
        var commands = new CommandSignals();
        var cloud = await StartCloudAsync(services =>
        {
            held.HoldLiteDbWrites(services);
            services.AddSingleton<ICommandObserver>(commands);
        }, $"--Broker:External:MaxInFlight={inFlight}", "--Broker:External:ControlMaxInFlight=8");
        await using (cloud)
        {
            await using var gateway = new SimulatedGateway("gw-1");
            await gateway.ConnectAsync(Mosquitto.Port);
            for (var seq = 1; seq <= telemetry; seq++)
            {
                await gateway.PublishAsync(TopicKind.Telemetry, TestMessages.TelemetryJson(seq, 1));
            }

            Assert.That(await held.AllWaiting.WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(t => t.IsCompletedSuccessfully), Is.True,
                $"only {held.Waiting} telemetry messages reached the held store");

            await gateway.PublishAsync(TopicKind.Events, TestMessages.EventsJson(1000));
            var created = await cloud.PostAsync<CreatedCommands>("/api/commands", new { deviceId = "gw-1", type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(5) });
            var id = created.Commands.Single().Id;
            await commands.WaitForAsync(id, c => c.Status == CommandState.Succeeded);
            await cloud.Signals.WaitUntilAsync(s => s.EventsAdded == 1);
            Assert.That((cloud.Signals.ReadingsAdded, held.Waiting), Is.EqualTo((0, inFlight)), "telemetry must still be held while control passes");

            held.Resume();
            await cloud.Signals.WaitUntilAsync(s => s.ReadingsAdded == telemetry);
            var readings = await cloud.GetJsonAsync<List<StoredReading>>(ReadingsPath);
            Assert.Multiple(() =>
            {
                Assert.That(readings.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, telemetry).Select(i => (long)i)));
                Assert.That(cloud.Signals.ReadingDuplicates, Is.Zero);
            });
        }
    }

    [Test]
    public async Task SessionFromBeforeLanes_RestartWithLanes_EveryMessageStoredExactlyOnce()
    {
        const string clientId = "thiot-ingest-node1";
        await LeaveOldStyleSessionAsync(clientId, "$share/ingest/" + DeviceTopics.AllUpFilter);
        using var gateway = await TestMqtt.ConnectAsync(Mosquitto.Port, "gw-1");

        // Published while the node is down: queued in its old session under the all-up/ filter.
        await PublishAsync(gateway, firstReading: 1, firstEvent: 100);

        var cloud = await StartCloudAsync(null,
            "--Broker:External:SharedGroup=ingest", $"--Broker:External:ClientId={clientId}",
            "--Broker:External:MaxInFlight=1", "--Broker:External:ControlMaxInFlight=1");
        await using (cloud)
        {
            await PublishAsync(gateway, firstReading: 6, firstEvent: 103);

            // Last on each lane: with one message in flight per lane, each lane's earlier deliveries
            // (duplicates from an old filter left subscribed included) are stored before its marker.
            await gateway.PublishAsync(DeviceTopics.For("gw-1", TopicKind.Events), TestMessages.EventsJson(106));
            await gateway.PublishAsync(DeviceTopics.For("gw-1", TopicKind.Telemetry), TestMessages.TelemetryJson(11, 1));
            await cloud.Signals.WaitUntilAsync(s => s.ReadingsAdded == 11 && s.EventsAdded == 7);

            var readings = await cloud.GetJsonAsync<List<StoredReading>>(ReadingsPath);
            Assert.Multiple(() =>
            {
                Assert.That(readings.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 11).Select(i => (long)i)));
                Assert.That((cloud.Signals.ReadingDuplicates, cloud.Signals.EventDuplicates), Is.EqualTo((0, 0)), "a message was delivered twice");
            });
        }
    }

    private static async Task PublishAsync(IMqttClient gateway, int firstReading, int firstEvent)
    {
        for (var i = 0; i < 5; i++)
        {
            await gateway.PublishAsync(DeviceTopics.For("gw-1", TopicKind.Telemetry), TestMessages.TelemetryJson(firstReading + i, 1));
        }

        for (var i = 0; i < 3; i++)
        {
            await gateway.PublishAsync(DeviceTopics.For("gw-1", TopicKind.Events), TestMessages.EventsJson(firstEvent + i));
        }
    }

    // What a node before the lanes left at the broker: a persistent session subscribed to every up/ topic.
    private async Task LeaveOldStyleSessionAsync(string clientId, string filter)
    {
        using var node = new MqttClientFactory().CreateMqttClient();
        await node.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(Mosquitto.Host, Mosquitto.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .Build());
        await node.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        await node.DisconnectAsync();
    }
}
