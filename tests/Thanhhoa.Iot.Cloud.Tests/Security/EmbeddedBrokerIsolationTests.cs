using System.Net;
using System.Net.Http.Json;
using MQTTnet;
using MQTTnet.Protocol;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Tests.Hosting;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// Device isolation on the embedded broker in enforced mode: only a device's own provisioned secret lets
/// it in, it publishes only under its own up/, subscribes only to its own down/, and revocation cuts it off.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class EmbeddedBrokerIsolationTests
{
    private SecureCloud _cloud = null!;
    private ProvisionedDevice _a = null!;
    private ProvisionedDevice _b = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cloud = await SecureCloud.StartAsync("cloud-isolation");
        _a = await _cloud.ProvisionDeviceAsync("site-a");
        _b = await _cloud.ProvisionDeviceAsync("site-b");
    }

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    [Test]
    public async Task Connect_OwnIdAndSecret_Accepted()
    {
        using var a = await ConnectAsync(_a.DeviceId, _a.DeviceId, _a.Secret);
        Assert.That(a.IsConnected, Is.True);
    }

    [Test]
    public async Task Connect_AnotherDevicesIdWithOwnSecret_Refused()
    {
        var (client, result) = await SecureMqtt.TryConnectAsync(Options(_b.DeviceId, _b.DeviceId, _a.Secret));
        client.Dispose();
        Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
    }

    [Test]
    public async Task Connect_OwnIdAsClientButAnotherUserName_Refused()
    {
        var (client, result) = await SecureMqtt.TryConnectAsync(Options(_a.DeviceId, _b.DeviceId, _a.Secret));
        client.Dispose();
        Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
    }

    [TestCase("wrong")]
    [TestCase("")]
    public async Task Connect_WrongSecret_Refused(string secret)
    {
        var (client, result) = await SecureMqtt.TryConnectAsync(Options(_a.DeviceId, _a.DeviceId, secret == "wrong" ? SecureCloud.NewSecret() : null));
        client.Dispose();
        Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
    }

    [Test]
    public async Task Connect_UnprovisionedDeviceId_RefusedInEnforcedMode()
    {
        var (client, result) = await SecureMqtt.TryConnectAsync(Options("gw-never-provisioned", "gw-never-provisioned", null));
        client.Dispose();
        Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
    }

    [Test]
    public async Task Revoke_ConnectedDevice_DisconnectedAtOnceAndRefusedAfterwards()
    {
        using var a = await ConnectAsync(_a.DeviceId, _a.DeviceId, _a.Secret);
        var dropped = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.DisconnectedAsync += e =>
        {
            dropped.TrySetResult(e);
            return Task.CompletedTask;
        };

        using var revoke = await _cloud.Admin.PostAsJsonAsync($"/api/device-credentials/{_a.DeviceId}/revoke", new { reason = "stolen" });
        var disconnect = await dropped.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var (again, result) = await SecureMqtt.TryConnectAsync(Options(_a.DeviceId, _a.DeviceId, _a.Secret));
        again.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(disconnect.ReasonString, Does.Contain("revoked"));
            Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
        });
    }

    [Test]
    public async Task Publish_ToAnotherDevicesUpTopic_NotAuthorizedStoredNowhereRoutedNowhere()
    {
        using var service = await ConnectServiceAsync();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = SecureMqtt.Collect(service, m => { if (m.Topic.EndsWith("/marker", StringComparison.Ordinal)) { marker.TrySetResult(); } });
        Assert.That(await service.SubscribeQos1Async("thiot/v1/#"), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
        using var a = await ConnectAsync(_a.DeviceId, _a.DeviceId, _a.Secret);

        var ack = await a.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"thiot/v1/{_b.DeviceId}/up/telemetry")
            .WithPayload(TestMessages.TelemetryJson(1, 3)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await service.PublishQos1Async($"thiot/v1/{_a.DeviceId}/down/marker", "m"); // after a's PUBACK, so a routed message would be ahead
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var b = await _cloud.Host.Http.GetAsync(new Uri($"/api/devices/{_b.DeviceId}", UriKind.Relative));
        var rejects = await _cloud.Host.GetJsonAsync<RejectReport>($"/api/devices/{_a.DeviceId}/rejects");
        Assert.Multiple(() =>
        {
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
            Assert.That(b.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "b never published, so it must not exist in the registry");
            Assert.That(rejects.Counts.Single().Reason, Is.EqualTo("WrongTopic"));
            Assert.That(seen.Select(m => m.Topic), Is.EqualTo(new[] { $"thiot/v1/{_a.DeviceId}/down/marker" }));
        });
    }

    [TestCase("thiot/v1/{b}/down/#")]
    [TestCase("thiot/v1/{b}/down/cmd")]
    [TestCase("thiot/v1/+/down/#")]
    [TestCase("thiot/v1/#")]
    [TestCase("#")]
    [TestCase("+/v1/{b}/down/cmd")]
    [TestCase("$share/g/thiot/v1/{b}/down/#")]
    [TestCase("$share/g/thiot/v1/{a}/down/#")]
    [TestCase("$SYS/#")]
    [TestCase("thiot/v1/{a}/up/#")]
    public async Task Subscribe_OutsideOwnDown_RefusedAndNothingDelivered(string pattern)
    {
        var filter = pattern.Replace("{a}", _a.DeviceId, StringComparison.Ordinal).Replace("{b}", _b.DeviceId, StringComparison.Ordinal);
        using var a = await ConnectAsync(_a.DeviceId, _a.DeviceId, _a.Secret);
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = SecureMqtt.Collect(a, m => { if (m.Topic.EndsWith("/marker", StringComparison.Ordinal)) { marker.TrySetResult(); } });

        var refused = await a.SubscribeQos1Async(filter);
        var own = await a.SubscribeQos1Async($"thiot/v1/{_a.DeviceId}/down/#");
        using var service = await ConnectServiceAsync();
        await service.PublishQos1Async($"thiot/v1/{_b.DeviceId}/down/cmd", "for b only");
        await service.PublishQos1Async($"thiot/v1/{_a.DeviceId}/up/state", "not for a's down");
        await service.PublishQos1Async($"thiot/v1/{_a.DeviceId}/down/marker", "m");
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.GreaterThan(MqttClientSubscribeResultCode.GrantedQoS2), "refused (NotAuthorized, or SharedSubscriptionsNotSupported for $share)");
            Assert.That(own, Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
            Assert.That(seen.Select(m => m.Topic), Is.EqualTo(new[] { $"thiot/v1/{_a.DeviceId}/down/marker" }));
        });
    }

    [Test]
    public async Task RetainedPublish_ToAnotherDevicesDown_NeverReachesIt()
    {
        using (var a = await ConnectAsync(_a.DeviceId, _a.DeviceId, _a.Secret))
        {
            var ack = await a.PublishQos1Async($"thiot/v1/{_b.DeviceId}/down/config", "{\"evil\":true}", retain: true);
            Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
        }

        using var b = await ConnectAsync(_b.DeviceId, _b.DeviceId, _b.Secret);
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = SecureMqtt.Collect(b, m => { if (m.Topic.EndsWith("/marker", StringComparison.Ordinal)) { marker.TrySetResult(); } });
        await b.SubscribeQos1Async($"thiot/v1/{_b.DeviceId}/down/#"); // retained messages would arrive now, before the marker
        using var service = await ConnectServiceAsync();
        await service.PublishQos1Async($"thiot/v1/{_b.DeviceId}/down/marker", "m");
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(seen.Select(m => m.Topic), Is.EqualTo(new[] { $"thiot/v1/{_b.DeviceId}/down/marker" }));
    }

    [Test]
    public async Task Will_OnAnotherDevicesStateTopic_RejectedNotIngestedForThatDevice()
    {
        var will = System.Text.Encoding.UTF8.GetBytes("{\"v\":1,\"state\":\"offline\",\"session\":9,\"ts\":\"2026-11-26T10:00:00Z\",\"reason\":\"lost\"}");
        var options = Options(_a.DeviceId, _a.DeviceId, _a.Secret)
            .WithWillTopic($"thiot/v1/{_b.DeviceId}/up/state").WithWillPayload(will).WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithWillContentType("application/json").Build();
        var a = await SecureMqtt.ConnectAsync(options);
        a.Dispose(); // the connection drops without DISCONNECT, so the broker publishes the will

        await _cloud.Host.Signals.WaitUntilAsync(s => s.Rejects >= 1);
        var b = await _cloud.Host.Http.GetAsync(new Uri($"/api/devices/{_b.DeviceId}", UriKind.Relative));
        var rejects = await _cloud.Host.GetJsonAsync<RejectReport>($"/api/devices/{_a.DeviceId}/rejects");
        Assert.Multiple(() =>
        {
            Assert.That(b.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(rejects.Counts.Single().Reason, Is.EqualTo("WrongTopic"));
        });
    }

    [Test]
    public async Task Connect_ServiceIdentityWithWrongPassword_Refused()
    {
        var (client, result) = await SecureMqtt.TryConnectAsync(Options("thiot-cloud", "thiot-cloud", "guess"));
        client.Dispose();
        Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
    }

    private MqttClientOptionsBuilder Options(string clientId, string? username, string? password) => SecureMqtt.Options(_cloud.MqttPort, clientId, username, password);

    private Task<IMqttClient> ConnectAsync(string clientId, string username, string password) => SecureMqtt.ConnectAsync(Options(clientId, username, password).Build());

    private async Task<IMqttClient> ConnectServiceAsync()
    {
        var password = (await File.ReadAllTextAsync(Path.Combine(_cloud.Host.DataDirectory, "security", "broker-service.password"))).Trim();
        return await SecureMqtt.ConnectAsync(Options("thiot-cloud", "thiot-cloud", password).Build());
    }
}
