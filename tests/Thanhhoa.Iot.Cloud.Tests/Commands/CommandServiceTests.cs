using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Commands;

/// <summary>The command lifecycle on the real cloud (embedded broker, LiteDB) with contract-speaking MQTT gateways.</summary>
[TestFixture]
[Category("Integration")]
public sealed class CommandServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
    private TempDirectory _dir = null!;
    private FakeTimeProvider _time = null!;
    private CommandSignals _signals = null!;
    private CloudHost _cloud = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("cloud-commands");
        _time = new FakeTimeProvider(T0);
        _signals = new CommandSignals();
        _cloud = await StartCloudAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _cloud.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Create_ConnectedGateway_DeliveredThenSucceededWithTheResult()
    {
        await using var gw = await ConnectAsync("gw-1");
        var created = await CreateAsync(new { deviceId = "gw-1", type = "ping", expires = T0.AddMinutes(5) });
        var id = created.Commands.Single().Id;

        await _signals.WaitForAsync(id, c => c.Status == CommandState.Succeeded);
        var stored = await _cloud.GetJsonAsync<CommandRecord>($"/api/commands/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(CommandState.Succeeded));
            Assert.That(stored.DeliveredAt, Is.Not.Null);
            Assert.That(stored.CompletedAt, Is.EqualTo(T0));
            Assert.That(stored.Result!.Value.GetProperty("pong").GetBoolean(), Is.True);
            Assert.That(stored.Publishes, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Create_GroupByDeviceList_OneCommandPerGatewayAllSucceed()
    {
        await using var a = await ConnectAsync("gw-a");
        await using var b = await ConnectAsync("gw-b");
        var created = await CreateAsync(new { deviceIds = new[] { "gw-a", "gw-b" }, type = "read-now", args = new { channels = new[] { "battery_v" } }, expires = T0.AddMinutes(5) });

        await _signals.WaitUntilAsync(all => created.Commands.All(c => all.TryGetValue(c.Id, out var x) && x.Status == CommandState.Succeeded));
        var batch = await _cloud.GetJsonAsync<List<CommandRecord>>($"/api/commands?batchId={created.BatchId}");
        Assert.That(batch.Select(c => c.DeviceId), Is.EquivalentTo(new[] { "gw-a", "gw-b" }));
        Assert.That(batch.Select(c => c.Arguments!.Value.GetProperty("channels")[0].GetString()), Is.All.EqualTo("battery_v"));
    }

    [Test]
    public async Task Create_InvalidRequest_ValidationProblemNamingEachField()
    {
        var (status, _, raw) = await _cloud.SendAsync<object>(HttpMethod.Post, "/api/commands",
            new { deviceId = "GW 1", type = "", args = new[] { 1 }, expires = T0.AddMinutes(-1) });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(raw, Does.Contain("\"deviceId\"").And.Contain("\"type\"").And.Contain("\"args\"").And.Contain("\"expires\"").And.Contain("not in the future"));
    }

    [Test]
    public async Task Create_OfflineGatewayWhoseSessionExpired_ResentAtItsBirthAndSucceeds()
    {
        var created = await CreateAsync(new { deviceId = "gw-2", type = "ping", expires = T0.AddHours(1) });
        var id = created.Commands.Single().Id;
        Assert.That(created.Commands.Single().Status, Is.EqualTo(CommandState.Pending));

        // No broker session existed, so nothing was queued: only the re-send at the birth can deliver it.
        await using var gw = await ConnectAsync("gw-2", cleanStart: true);
        await _signals.WaitForAsync(id, c => c.Status == CommandState.Succeeded);
        Assert.That((await _cloud.GetJsonAsync<CommandRecord>($"/api/commands/{id}")).Publishes, Is.EqualTo(2));
    }

    [Test]
    public async Task Broker_MoreThan250CommandsQueuedForAnOfflineGateway_AllDeliveredOnReconnect()
    {
        await using (var first = new SimulatedGateway("gw-q"))
        {
            await first.ConnectSilentlyAsync(_cloud.MqttPort);
            await first.SubscribeOnlyAsync(); // a persistent session with the subscription, then offline
            await first.DisconnectAsync();
        }

        for (var i = 0; i < 300; i++)
        {
            await CreateAsync(new { deviceId = "gw-q", type = "ping", expires = T0.AddHours(1) });
        }

        // Reconnect without a birth: only the broker's queue (Broker:MaxPendingMessagesPerClient) can deliver them.
        await using var again = new SimulatedGateway("gw-q");
        await again.ConnectSilentlyAsync(_cloud.MqttPort);
        await _signals.WaitUntilAsync(all => all.Values.Count(c => c.Status == CommandState.Succeeded) == 300, TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task Sweep_PendingPastItsExpiry_ExpiredAndNotResentAtTheBirth()
    {
        var id = (await CreateAsync(new { deviceId = "gw-3", type = "ping", expires = T0.AddMinutes(1) })).Commands.Single().Id;
        _time.Advance(TimeSpan.FromMinutes(2));
        await _signals.WaitForAsync(id, c => c.Status == CommandState.Expired);

        await using var gw = await ConnectAsync("gw-3", cleanStart: true);
        var probe = (await CreateAsync(new { deviceId = "gw-3", type = "ping", expires = T0.AddHours(1) })).Commands.Single().Id;
        await _signals.WaitForAsync(probe, c => c.Status == CommandState.Succeeded);
        Assert.That(gw.CommandsReceived, Is.EqualTo(1), "only the new command reached the gateway");
        Assert.That((await _cloud.GetJsonAsync<CommandRecord>($"/api/commands/{id}")).Status, Is.EqualTo(CommandState.Expired));
    }

    [Test]
    public async Task Result_AfterTheCloudExpiredTheCommand_RecordedLateNotLost()
    {
        await using var gw = await ConnectAsync("gw-4");
        gw.Answer = _ => null; // executes, but the result is held up (a weak link)
        var id = (await CreateAsync(new { deviceId = "gw-4", type = "reboot", expires = T0.AddMinutes(1) })).Commands.Single().Id;
        await _signals.WaitForAsync(id, c => c.Status == CommandState.Delivered);
        _time.Advance(TimeSpan.FromMinutes(2));
        await _signals.WaitForAsync(id, c => c.Status == CommandState.Expired);

        await gw.PublishAsync(TopicKind.CommandResult, JsonCodec.Encode(SimulatedGateway.Succeeded(id)));
        await _signals.WaitForAsync(id, c => c.ResultReceivedAt is not null);
        var stored = await _cloud.GetJsonAsync<CommandRecord>($"/api/commands/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(CommandState.Expired));
            Assert.That(stored.Late, Is.True);
            Assert.That(stored.ResultStatus, Is.EqualTo(CommandStatus.Succeeded));
        });
    }

    [Test]
    public async Task Cancel_PendingThenDelivered_CancelledOnlyWhilePending()
    {
        var pending = (await CreateAsync(new { deviceId = "gw-5", type = "ping", expires = T0.AddHours(1) })).Commands.Single().Id;
        var (cancelStatus, cancelled, _) = await _cloud.SendAsync<CommandRecord>(HttpMethod.Post, $"/api/commands/{pending}/cancel");

        await using var gw = await ConnectAsync("gw-6");
        gw.Answer = _ => null;
        var delivered = (await CreateAsync(new { deviceId = "gw-6", type = "ping", expires = T0.AddHours(1) })).Commands.Single().Id;
        await _signals.WaitForAsync(delivered, c => c.Status == CommandState.Delivered);
        var (tooLate, _, raw) = await _cloud.SendAsync<CommandRecord>(HttpMethod.Post, $"/api/commands/{delivered}/cancel");

        Assert.Multiple(() =>
        {
            Assert.That((cancelStatus, cancelled!.Status), Is.EqualTo((HttpStatusCode.OK, CommandState.Cancelled)));
            Assert.That(tooLate, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(raw, Does.Contain("cannot be recalled"));
        });
    }

    [Test]
    public async Task Query_ByDeviceAndStatus_OnlyMatchingNewestFirst()
    {
        await CreateAsync(new { deviceId = "gw-7", type = "ping", expires = T0.AddHours(1) });
        _time.Advance(TimeSpan.FromSeconds(1));
        await CreateAsync(new { deviceId = "gw-7", type = "get-config", expires = T0.AddHours(1) });
        await CreateAsync(new { deviceId = "gw-8", type = "ping", expires = T0.AddHours(1) });

        var list = await _cloud.GetJsonAsync<List<CommandRecord>>("/api/commands?deviceId=gw-7&status=pending");
        var stats = await _cloud.GetJsonAsync<Dictionary<string, int>>("/api/commands/stats");
        Assert.That(list.Select(c => c.Type), Is.EqualTo(new[] { "get-config", "ping" }));
        Assert.That(stats["Pending"], Is.EqualTo(3));
    }

    private async Task<CreatedCommands> CreateAsync(object request) => await _cloud.PostAsync<CreatedCommands>("/api/commands", request);

    private async Task<SimulatedGateway> ConnectAsync(string id, bool cleanStart = false)
    {
        var gw = new SimulatedGateway(id);
        await gw.ConnectAsync(_cloud.MqttPort, cleanStart);
        return gw;
    }

    private Task<CloudHost> StartCloudAsync() => CloudHost.StartEmbeddedAsync(_dir.Path, services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ICommandObserver>(_signals);
    });
}
