using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MQTTnet;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Tests.Broker;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

/// <summary>The dashboard's API on the real cloud (embedded broker, LiteDB), fed by a gateway over MQTT.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DashboardApiTests
{
    private const string Device = "gw-api-1";
    private const string Site = "th-0001";
    private TempDirectory _dir = null!;
    private CloudHost _cloud = null!;
    private IMqttClient _gateway = null!;
    private DateTimeOffset _now;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("dash-api");
        _cloud = await CloudHost.StartEmbeddedAsync(_dir.Path, "--Demo:SeedSites=5");
        _gateway = await TestMqtt.ConnectAsync(_cloud.MqttPort, Device);
        _now = DateTimeOffset.UtcNow;
        await PublishAsync(TopicKind.State, JsonCodec.Encode(new StateMessage { Version = 1, State = LinkState.Online, Session = 1, Timestamp = _now, Site = Site }));
    }

    [TearDown]
    public async Task TearDown()
    {
        _gateway.Dispose();
        await _cloud.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Availability_CsvExport_SameFiguresAsJson()
    {
        // The gateway uploads the hour it buffered before its first connection: the ledger knows that hour.
        var buffered = Enumerable.Range(0, 66).Select(i => new Reading
        {
            Seq = 100 + i, Channel = "battery_v", Timestamp = _now.AddMinutes(-65 + i), Value = 52.0, Quality = Quality.Good,
        }).ToList();
        await PublishAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch { Version = 1, SeqFrom = 100, SeqTo = 165, Readings = buffered }));
        await RaiseAsync(1, _now.AddMinutes(-50), "mains_fail", EventAction.Raise);
        await RaiseAsync(2, _now.AddMinutes(-20), "site_down", EventAction.Raise);
        await RaiseAsync(3, _now.AddMinutes(-10), "site_down", EventAction.Clear);
        var query = $"level=site&from={Uri.EscapeDataString(_now.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(_now.AddMinutes(-1).ToString("O"))}";

        var json = await _cloud.GetJsonAsync<List<AvailabilityRow>>($"/api/availability?{query}");
        var viaFormat = await CsvAsync($"/api/availability?{query}&format=csv");
        var viaExport = await CsvAsync($"/api/availability/export.csv?{query}");

        var site = json.Single(r => r.Code == Site);
        Assert.That(site.DownSeconds, Is.EqualTo(600), "site down from -20 to -10 min");
        Assert.That(site.Availability, Is.EqualTo(0.0).Or.GreaterThan(0), "known time exists");
        Assert.That(viaExport, Is.EqualTo(viaFormat));
        foreach (var row in json)
        {
            var csv = viaFormat.Single(r => r["code"] == row.Code);
            Assert.That(Number(csv["availability"]), Is.EqualTo(row.Availability).Within(1e-6), row.Code);
            Assert.That(Number(csv["unknown_share"]), Is.EqualTo(row.UnknownShare).Within(1e-6), row.Code);
            Assert.That((Number(csv["up_seconds"]), Number(csv["down_seconds"]), Number(csv["unknown_seconds"])),
                Is.EqualTo(((double?)Math.Round(row.UpSeconds, 6), (double?)Math.Round(row.DownSeconds, 6), (double?)Math.Round(row.UnknownSeconds, 6))), row.Code);
        }
    }

    [Test]
    public async Task Alarms_AcknowledgeActiveAlarm_WhoAndWhenStoredAndListed()
    {
        await RaiseAsync(1, _now.AddMinutes(-5), "mains_fail", EventAction.Raise);
        var alarm = (await _cloud.GetJsonAsync<List<ActiveAlarm>>("/api/alarms")).Single(a => a.Code == "mains_fail");

        using var response = await _cloud.Http.PostAsJsonAsync($"/api/alarms/{alarm.Id}/ack", new AckRequest("Nguyễn Văn An", "gọi kỹ thuật viên"));
        var listed = (await _cloud.GetJsonAsync<List<ActiveAlarm>>("/api/alarms")).Single(a => a.Id == alarm.Id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((listed.AckedBy, listed.AckNote, listed.Site), Is.EqualTo(("Nguyễn Văn An", "gọi kỹ thuật viên", Site)));
        Assert.That(listed.AckedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task Alarms_AckWithoutNameOrUnknownId_RefusedSayingWhy()
    {
        await RaiseAsync(1, _now.AddMinutes(-5), "door_open", EventAction.Raise);
        var alarm = (await _cloud.GetJsonAsync<List<ActiveAlarm>>("/api/alarms")).Single();

        using var noName = await _cloud.Http.PostAsJsonAsync($"/api/alarms/{alarm.Id}/ack", new AckRequest(" ", null));
        using var unknown = await _cloud.Http.PostAsJsonAsync("/api/alarms/gw-api-1:smoke:99/ack", new AckRequest("An", null));

        Assert.That(noName.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noName.Content.ReadAsStringAsync(), Does.Contain("say who acknowledges"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Alarms_Cleared_LeavesTheActiveList()
    {
        await RaiseAsync(1, _now.AddMinutes(-5), "high_temp", EventAction.Raise);
        await RaiseAsync(2, _now.AddMinutes(-1), "high_temp", EventAction.Clear);

        Assert.That(await _cloud.GetJsonAsync<List<ActiveAlarm>>("/api/alarms"), Is.Empty);
    }

    [Test]
    public async Task Sites_GatewayOnBattery_SiteStateBatteryWithAutonomyFromTheTrend()
    {
        await RaiseAsync(1, _now.AddMinutes(-20), "on_battery", EventAction.Raise);
        var readings = Enumerable.Range(0, 40).Select(i => new Reading
        {
            Seq = 100 + i, Channel = "battery_v", Timestamp = _now.AddMinutes(-20 + (i * 0.5)), Value = 50.0 - (0.1 * i * 0.5), Quality = Quality.Good,
        }).ToList();
        await PublishAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch { Version = 1, SeqFrom = 100, SeqTo = 139, Readings = readings }));

        var detail = await _cloud.GetJsonAsync<SiteDetail>($"/api/sites/{Site}");
        var onBattery = await _cloud.GetJsonAsync<List<SiteStatus>>("/api/sites?state=battery");

        Assert.That(detail.Status.State, Is.EqualTo(SiteState.Battery));
        Assert.That(onBattery.Select(s => s.Code), Is.EqualTo(new[] { Site }));
        Assert.That(detail.Autonomy!.Minutes, Is.EqualTo((50.0 - 1.95 - 44.0) / 0.1).Within(15).Percent);
        Assert.That(detail.Gateway!.DeviceId, Is.EqualTo(Device));
    }

    [Test]
    public async Task OpenApi_Document_ListsTheDashboardApis()
    {
        var document = await _cloud.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var path in new[] { "/api/sites", "/api/sites/{code}", "/api/sites/{code}/timeline", "/api/availability", "/api/availability/export.csv",
                     "/api/outages", "/api/indicators", "/api/alarms", "/api/alarms/{id}/ack", "/api/stream", "/api/areas" })
        {
            Assert.That(document, Does.Contain($"\"{path}\""), path);
        }
    }

    [Test]
    public async Task Page_Root_ServesTheDashboardAndItsMapDataFromTheCloud()
    {
        var page = await _cloud.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        using var script = await _cloud.Http.GetAsync(new Uri("/dist/app.js", UriKind.Relative));
        using var map = await _cloud.Http.GetAsync(new Uri("/data/thanh_hoa_districts_dvhcvn.geojson", UriKind.Relative));

        Assert.That(page, Does.Contain("dist/app.js").And.Contain("Open Development Mekong"));
        Assert.That((script.StatusCode, map.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }

    private Task RaiseAsync(long seq, DateTimeOffset at, string code, EventAction action) => PublishAsync(TopicKind.Events, JsonCodec.Encode(new EventBatch
    {
        Version = 1,
        SeqFrom = seq,
        SeqTo = seq,
        Events = [new DeviceEvent { Seq = seq, Timestamp = at, Code = code, Action = action, Severity = Severity.Major }],
    }));

    private async Task PublishAsync(TopicKind kind, byte[] payload)
    {
        var result = await _gateway.PublishAsync(DeviceTopics.For(Device, kind), payload);
        Assert.That(result.IsSuccess, Is.True, $"{kind}: {result.ReasonCode} {result.ReasonString}");
    }

    private async Task<List<Dictionary<string, string>>> CsvAsync(string path)
    {
        using var response = await _cloud.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(SplitCsv(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
