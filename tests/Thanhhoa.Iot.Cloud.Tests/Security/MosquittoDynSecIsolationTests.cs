using System.Net.Http.Json;
using MQTTnet;
using MQTTnet.Protocol;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Tests.Broker;
using Thanhhoa.Iot.TestSupport.Mosquitto;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// The same isolation against a real mosquitto that the cloud keeps in step through the dynamic-security
/// plugin: provisioning creates the device's client and role, revocation deletes them (and mosquitto
/// disconnects the device), default access is deny.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class MosquittoDynSecIsolationTests
{
    private const string Admin = "dynsec-admin";
    private const string AdminPassword = "dynsec-admin-password-1";
    private const string Ingest = "thiot-ingest";
    private const string IngestPassword = "ingest-password-0123456789";
    private MosquittoBroker _mosquitto = null!;
    private SecureCloud _cloud = null!;
    private ProvisionedDevice _a = null!;
    private ProvisionedDevice _b = null!;

    [SetUp]
    public async Task SetUp()
    {
        _mosquitto = await MosquittoBroker.StartWithDynamicSecurityAsync(Admin, AdminPassword);
        _cloud = await SecureCloud.StartExternalAsync("cloud-dynsec", _mosquitto.Host, _mosquitto.Port,
            $"--Broker:External:Username={Ingest}", $"--Broker:External:Password={IngestPassword}",
            "--Security:DynamicSecurity:Enabled=true", $"--Security:DynamicSecurity:Username={Admin}", $"--Security:DynamicSecurity:Password={AdminPassword}");
        await ExternalBrokerFixture.WaitUntilSubscribedAsync(_cloud.Host, _mosquitto, TimeSpan.FromSeconds(20));
        _a = await _cloud.ProvisionDeviceAsync("site-a");
        _b = await _cloud.ProvisionDeviceAsync("site-b");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _cloud.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    [Test]
    public async Task Connect_OwnIdAndSecret_AcceptedAndPublishedTelemetryStored()
    {
        using var a = await SecureMqtt.ConnectAsync(Options(_a.DeviceId, _a.DeviceId, _a.Secret).Build());
        var ack = await a.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"thiot/v1/{_a.DeviceId}/up/telemetry")
            .WithPayload(TestMessages.TelemetryJson(1, 2)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await _cloud.Host.Signals.WaitUntilAsync(s => s.ReadingsAdded == 2);
        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
    }

    [Test]
    public async Task Connect_AnotherDevicesIdWithOwnSecret_Refused() =>
        Assert.That(await RefusedAsync(Options(_b.DeviceId, _b.DeviceId, _a.Secret)), Is.True);

    [Test]
    public async Task Connect_WrongSecret_Refused() =>
        Assert.That(await RefusedAsync(Options(_a.DeviceId, _a.DeviceId, SecureCloud.NewSecret())), Is.True);

    [Test]
    public async Task Connect_OwnCredentialsUnderAnotherClientId_Refused() =>
        Assert.That(await RefusedAsync(Options(_b.DeviceId, _a.DeviceId, _a.Secret)), Is.True);

    [Test]
    public async Task Connect_NoCredentials_Refused() =>
        Assert.That(await RefusedAsync(Options("gw-anonymous", null, null)), Is.True);

    [Test]
    public async Task Revoke_ConnectedDevice_MosquittoDisconnectsItAndRefusesItAfterwards()
    {
        using var a = await SecureMqtt.ConnectAsync(Options(_a.DeviceId, _a.DeviceId, _a.Secret).Build());
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.DisconnectedAsync += _ =>
        {
            dropped.TrySetResult();
            return Task.CompletedTask;
        };

        using var revoke = await _cloud.Admin.PostAsJsonAsync($"/api/device-credentials/{_a.DeviceId}/revoke", new { reason = "stolen" });
        revoke.EnsureSuccessStatusCode();
        await dropped.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(await RefusedAsync(Options(_a.DeviceId, _a.DeviceId, _a.Secret)), Is.True);
    }

    [Test]
    public async Task Publish_ToAnotherDevicesTopics_RefusedAndNothingReachesSubscribers()
    {
        using var observer = await ObserverAsync("thiot/v1/#");
        var (seen, marker) = Watch(observer, $"thiot/v1/{_a.DeviceId}/up/marker");

        // mosquitto answers a refused QoS 1 publish with PUBACK 0x87 and may then drop the connection: one connection each.
        var forbidden = await PublishOnNewConnectionAsync($"thiot/v1/{_b.DeviceId}/up/telemetry", retain: false);
        var retained = await PublishOnNewConnectionAsync($"thiot/v1/{_b.DeviceId}/down/config", retain: true);
        var own = await PublishOnNewConnectionAsync($"thiot/v1/{_a.DeviceId}/up/marker", retain: false); // processed after the others
        await marker.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(forbidden, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
            Assert.That(retained, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
            Assert.That(own, Is.EqualTo(MqttClientPublishReasonCode.Success));
            Assert.That(seen.Select(m => m.Topic), Is.EqualTo(new[] { $"thiot/v1/{_a.DeviceId}/up/marker" }));
        });
    }

    [Test]
    public async Task Will_OnAnotherDevicesTopic_NeverPublished()
    {
        using var observer = await ObserverAsync("thiot/v1/#");
        var control = $"thiot/v1/{_b.DeviceId}/up/state";
        var (seen, controlArrived) = Watch(observer, control);
        var evil = Options(_a.DeviceId, _a.DeviceId, _a.Secret).WithWillTopic(control).WithWillPayload("evil")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var own = Options(_b.DeviceId, _b.DeviceId, _b.Secret).WithWillTopic(control).WithWillPayload("control")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var a = await SecureMqtt.ConnectAsync(evil);
        var b = await SecureMqtt.ConnectAsync(own);

        // Both drop without DISCONNECT, a first: mosquitto handles a's lost connection (and its will) before b's,
        // so b's allowed will on the same topic arriving alone proves a's never went out.
        a.Dispose();
        b.Dispose();
        await controlArrived.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(seen.Select(m => m.ConvertPayloadToString()), Is.EqualTo(new[] { "control" }));
    }

    [TestCase("thiot/v1/{b}/down/#")]
    [TestCase("thiot/v1/{b}/down/cmd")]
    [TestCase("thiot/v1/+/down/#")]
    [TestCase("thiot/v1/#")]
    [TestCase("#")]
    [TestCase("$share/g/thiot/v1/{b}/down/#")]
    [TestCase("$SYS/#")]
    [TestCase("thiot/v1/{a}/up/#")]
    public async Task Subscribe_OutsideOwnDown_RefusedAndNothingDelivered(string pattern)
    {
        var filter = pattern.Replace("{a}", _a.DeviceId, StringComparison.Ordinal).Replace("{b}", _b.DeviceId, StringComparison.Ordinal);
        using var a = await SecureMqtt.ConnectAsync(Options(_a.DeviceId, _a.DeviceId, _a.Secret).Build());
        var (seen, marker) = Watch(a, $"thiot/v1/{_a.DeviceId}/down/marker");
        var refused = await a.SubscribeQos1Async(filter);
        var own = await a.SubscribeQos1Async($"thiot/v1/{_a.DeviceId}/down/#");

        using var cloudSide = await SecureMqtt.ConnectAsync(Options("thiot-cloud-commands", Ingest, IngestPassword).Build());
        await cloudSide.PublishQos1Async($"thiot/v1/{_b.DeviceId}/down/cmd", "for b only");
        await cloudSide.PublishQos1Async($"thiot/v1/{_a.DeviceId}/down/marker", "m");
        await marker.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.GreaterThan(MqttClientSubscribeResultCode.GrantedQoS2));
            Assert.That(own, Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
            Assert.That(seen.Select(m => m.Topic), Is.EqualTo(new[] { $"thiot/v1/{_a.DeviceId}/down/marker" }));
        });
    }

    private static (System.Collections.Concurrent.ConcurrentQueue<MqttApplicationMessage> Seen, Task Marker) Watch(IMqttClient client, string markerTopic)
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = SecureMqtt.Collect(client, m =>
        {
            if (m.Topic == markerTopic)
            {
                marker.TrySetResult();
            }
        });
        return (seen, marker.Task);
    }

    private async Task<MqttClientPublishReasonCode> PublishOnNewConnectionAsync(string topic, bool retain)
    {
        using var a = await SecureMqtt.ConnectAsync(Options(_a.DeviceId, _a.DeviceId, _a.Secret).Build());
        var ack = await a.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(TestMessages.TelemetryJson(1, 1))
            .WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return ack.ReasonCode;
    }

    private MqttClientOptionsBuilder Options(string clientId, string? username, string? password) => SecureMqtt.Options(_mosquitto.Port, clientId, username, password);

    // The dynsec admin may receive everything (its role from `mosquitto_ctrl dynsec init`): an observer of all traffic.
    private async Task<IMqttClient> ObserverAsync(string filter)
    {
        var observer = await SecureMqtt.ConnectAsync(Options("test-observer", Admin, AdminPassword).Build());
        Assert.That(await observer.SubscribeQos1Async(filter), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
        return observer;
    }

    private async Task<bool> RefusedAsync(MqttClientOptionsBuilder options)
    {
        var (client, result) = await SecureMqtt.TryConnectAsync(options);
        client.Dispose();
        return result is MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword;
    }
}
