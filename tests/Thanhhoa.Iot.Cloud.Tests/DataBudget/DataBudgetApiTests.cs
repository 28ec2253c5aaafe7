using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DataBudget;
using Thanhhoa.Iot.Cloud.Tests.Broker;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.DataBudget;

/// <summary>The real cloud with its embedded broker: a gateway reports its data budget as events; the API shows the latest.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DataBudgetApiTests() : EmbeddedCloudTest("cloud-budget")
{
    private const string Device = "gw-budget";

    [Test]
    public async Task GetBudget_TwoReports_ShowsTheLatestWithRemainingAndLevel()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, Device);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await PublishEventsAsync(gateway, Report(1, now.AddHours(-2), usedToday: 1000, level: 0), Report(2, now.AddMinutes(-1), usedToday: 90_000, level: 2));

        var budget = await Cloud.GetJsonAsync<DeviceBudget>($"/api/devices/{Device}/budget");

        Assert.That(budget, Is.EqualTo(new DeviceBudget(Device, now.AddMinutes(-1), "sparse", 90_000, 100_000, 10_000, 500_000, 2_000_000, null)));
    }

    [Test]
    public async Task GetBudget_DeviceWithoutReport_NotFoundSayingHowToTurnItOn()
    {
        using var gateway = await TestMqtt.ConnectAsync(Cloud.MqttPort, Device);
        await PublishEventsAsync(gateway, new DeviceEvent
        {
            Seq = 1, Timestamp = DateTimeOffset.UtcNow, Code = "mains_fail", Action = EventAction.Raise, Severity = Severity.Critical, Channel = "mains",
        });
        await Cloud.GetJsonAsync<object>($"/api/devices/{Device}"); // the device is known once its event is stored

        using var response = await Cloud.Http.GetAsync(new Uri($"/api/devices/{Device}/budget", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Budget:DailyBytes"));
    }

    private static DeviceEvent Report(long seq, DateTimeOffset at, long usedToday, int level) => new()
    {
        Seq = seq,
        Timestamp = at,
        Code = DataBudgetApi.EventCode,
        Action = EventAction.Info,
        Severity = Severity.Info,
        Values = new Dictionary<string, double>
        {
            ["used_today"] = usedToday, ["daily_bytes"] = 100_000, ["remaining_today"] = 100_000 - usedToday,
            ["used_month"] = 500_000, ["monthly_bytes"] = 2_000_000, ["remaining_month"] = -1, ["level"] = level,
        },
    };

    private static async Task PublishEventsAsync(MQTTnet.IMqttClient gateway, params DeviceEvent[] events)
    {
        var batch = new EventBatch { Version = 1, SeqFrom = events[0].Seq, SeqTo = events[^1].Seq, Events = events };
        var ack = await gateway.PublishAsync($"thiot/v1/{Device}/up/events", JsonCodec.Encode(batch), ContractInfo.JsonContentType);
        Assert.That(ack.IsSuccess, Is.True, ack.ReasonString);
    }
}
