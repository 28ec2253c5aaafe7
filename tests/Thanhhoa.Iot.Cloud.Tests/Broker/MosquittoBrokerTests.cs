using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.TestSupport.Mosquitto;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>The shared mosquitto fixture does what other test projects rely on.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MosquittoBrokerTests
{
    [Test]
    public async Task StopThenStartAgain_SamePort_AcceptsMqttClients()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var port = broker.Port;
        await broker.StopAsync();
        Assert.That(broker.IsRunning, Is.False);

        await broker.StartAgainAsync();
        using var client = await TestMqtt.ConnectAsync(broker.Port, "gw-1");
        var ack = await client.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 1));
        Assert.Multiple(() =>
        {
            Assert.That(broker.Port, Is.EqualTo(port));
            Assert.That(client.IsConnected, Is.True);
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NoMatchingSubscribers));
        });
    }
}
