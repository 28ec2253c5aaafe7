using System.Net;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Tests.Commands;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.DesiredConfig;

/// <summary>Group and device documents through REST, retained down/config to contract-speaking gateways, reports back.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DesiredConfigApiTests() : EmbeddedCloudTest("cloud-config")
{
    [Test]
    public async Task PutGroupAndDevice_OverrideThenRemoved_GatewayGetsEachMergedRevisionRetained()
    {
        await using var gw = await ConnectAsync("gw-1");
        await PutGroupAsync("north", """{"uploadSeconds":300,"channels":{"battery_v":{"pollSeconds":30}}}""");
        await PutDeviceAsync("gw-1", "north", """{"uploadSeconds":60}""");
        var first = await NextConfigAsync(gw);
        await PutDeviceAsync("gw-1", "north", "{}"); // the override removed
        var second = await NextConfigAsync(gw);

        Assert.Multiple(() =>
        {
            Assert.That((first.ConfigVersion, first.Settings.UploadSeconds, first.Settings.Channels!["battery_v"].PollSeconds), Is.EqualTo((1L, (int?)60, (int?)30)));
            Assert.That((second.ConfigVersion, second.Settings.UploadSeconds), Is.EqualTo((2L, (int?)300)), "back to the group's value");
        });

        // A gateway that connects later gets the retained revision at once.
        await using var late = new SimulatedGateway("gw-1-late");
        await PutDeviceAsync("gw-1-late", "north", "{}");
        await late.ConnectAsync(Cloud.MqttPort);
        Assert.That((await NextConfigAsync(late)).Settings.UploadSeconds, Is.EqualTo(300));
    }

    [Test]
    public async Task PutGroup_NewVersion_EveryMemberWhoseMergeChangedGetsANewRevision()
    {
        await PutGroupAsync("south", """{"uploadSeconds":120}""");
        await PutDeviceAsync("gw-a", "south", "{}");
        await PutDeviceAsync("gw-b", "south", """{"uploadSeconds":30}""");
        var group = await Cloud.PutAsync<ConfigGroup>("/api/config/groups/south", Body("""{"settings":{"uploadSeconds":600}}"""));

        var a = await Cloud.GetJsonAsync<DeviceConfig>("/api/config/devices/gw-a");
        var b = await Cloud.GetJsonAsync<DeviceConfig>("/api/config/devices/gw-b");
        Assert.Multiple(() =>
        {
            Assert.That(group.Version, Is.EqualTo(2));
            Assert.That((a.DesiredVersion, a.Desired!.UploadSeconds), Is.EqualTo((2L, (int?)600)));
            Assert.That((b.DesiredVersion, b.Desired!.UploadSeconds), Is.EqualTo((1L, (int?)30)), "its own value still wins: no new revision");
        });
    }

    [Test]
    public async Task Report_RefusedThenApplied_DesiredVsReportedAndLaggingVisible()
    {
        await using var gw = await ConnectAsync("gw-2");
        gw.Report = c => c.Settings.UploadSeconds == 5
            ? new ConfigReport
            {
                Version = ContractInfo.Version, ConfigVersion = c.ConfigVersion, Status = ConfigReportStatus.Refused, Timestamp = DateTimeOffset.UtcNow,
                Field = "$.settings.uploadSeconds", Reason = "too often for a 2G link",
            }
            : null;
        await PutDeviceAsync("gw-2", null, """{"uploadSeconds":5}""");
        await NextConfigAsync(gw);
        var refused = await WaitForReportAsync(gw, r => r.Status == ConfigReportStatus.Refused);
        var lagging = await Cloud.GetJsonAsync<List<DeviceConfig>>("/api/config/lagging");

        Assert.Multiple(() =>
        {
            Assert.That((refused.DesiredVersion, refused.Reported!.Version, refused.Reported.Field), Is.EqualTo((1L, 1L, "$.settings.uploadSeconds")));
            Assert.That(refused.Lagging, Is.True);
            Assert.That(lagging.Select(d => d.DeviceId), Does.Contain("gw-2"));
        });

        gw.Report = c => new ConfigReport
        {
            Version = ContractInfo.Version, ConfigVersion = c.ConfigVersion, Status = ConfigReportStatus.Applied, Timestamp = DateTimeOffset.UtcNow, AppliedVersion = c.ConfigVersion,
        };
        await PutDeviceAsync("gw-2", null, """{"uploadSeconds":60}""");
        var applied = await WaitForReportAsync(gw, r => r.Status == ConfigReportStatus.Applied);
        Assert.That((applied.InSync, applied.Reported!.AppliedVersion), Is.EqualTo((true, (long?)2)));
        Assert.That((await Cloud.GetJsonAsync<List<DeviceConfig>>("/api/config/lagging")).Select(d => d.DeviceId), Does.Not.Contain("gw-2"));
    }

    [Test]
    public async Task Put_InvalidDocumentOrUnknownGroupOrStaleVersion_RefusedNamingTheProblem()
    {
        var (badStatus, _, badRaw) = await Cloud.SendAsync<object>(HttpMethod.Put, "/api/config/devices/gw-3", Body("""{"settings":{"channels":{"battery_v":{"pollSeconds":0}}}}"""));
        var (groupStatus, _, groupRaw) = await Cloud.SendAsync<object>(HttpMethod.Put, "/api/config/devices/gw-3", Body("""{"group":"nowhere","settings":{}}"""));
        await PutGroupAsync("east", "{}");
        var (staleStatus, _, staleRaw) = await Cloud.SendAsync<object>(HttpMethod.Put, "/api/config/groups/east", Body("""{"settings":{},"expectedVersion":7}"""));

        Assert.Multiple(() =>
        {
            Assert.That(badStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(badRaw, Does.Contain("settings.channels.battery_v.pollSeconds"));
            Assert.That((groupStatus, groupRaw.Contains("no group 'nowhere'", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.BadRequest, true)));
            Assert.That((staleStatus, staleRaw.Contains("at version 1, not 7", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.Conflict, true)));
        });
    }

    [Test]
    public async Task Restart_EmbeddedBrokerLostItsRetainedMessages_CloudPublishesThemAgain()
    {
        await PutDeviceAsync("gw-4", null, """{"uploadSeconds":90}""");
        await RestartCloudAsync();

        await using var gw = await ConnectAsync("gw-4");
        Assert.That((await NextConfigAsync(gw)).Settings.UploadSeconds, Is.EqualTo(90));
    }

    private async Task<SimulatedGateway> ConnectAsync(string id)
    {
        var gw = new SimulatedGateway(id) { Report = _ => null };
        await gw.ConnectAsync(Cloud.MqttPort);
        return gw;
    }

    private static async Task<DesiredConfigMessage> NextConfigAsync(SimulatedGateway gw) =>
        await gw.Configs.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    private Task PutGroupAsync(string name, string settings) => Cloud.PutAsync<ConfigGroup>($"/api/config/groups/{name}", Body($$"""{"settings":{{settings}}}"""));

    private Task PutDeviceAsync(string id, string? group, string settings) =>
        Cloud.PutAsync<DeviceConfig>($"/api/config/devices/{id}", Body(group is null ? $$"""{"settings":{{settings}}}""" : $$"""{"group":"{{group}}","settings":{{settings}}}"""));

    private static System.Text.Json.JsonElement Body(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>The gateway's next report the cloud acknowledged (stored before its PUBACK), then the cloud's view of the device.</summary>
    private async Task<DeviceConfig> WaitForReportAsync(SimulatedGateway gw, Func<ConfigReport, bool> condition)
    {
        while (!condition(await gw.ReportsStored.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20))))
        {
        }

        return await Cloud.GetJsonAsync<DeviceConfig>($"/api/config/devices/{gw.DeviceId}");
    }
}
