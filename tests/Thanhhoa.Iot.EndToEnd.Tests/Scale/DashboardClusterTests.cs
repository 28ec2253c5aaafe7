using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// Two cloud node processes on one mosquitto (shared subscription: each message ingested by one node) and one
/// PostgreSQL: both serve the same IOC dashboard. Sites (seeded once for the cluster), every gateway's state and
/// newest reading, active alarms, acknowledgements, a gateway's will and the availability report agree on both.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class DashboardClusterTests
{
    private const int Gateways = 6;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private ScaledCloud _cloud = null!;
    private readonly List<SiteGateway> _gateways = [];

    [OneTimeSetUp]
    public async Task StartAsync() => _cloud = await ScaledCloud.StartAsync(
        2, $"--Demo:SeedSites={Gateways}", "--Demo:SitePrefix=dn-", "--Dashboard:Cluster:PollInterval=00:00:00.300", "--Dashboard:Cluster:Overlap=00:00:05");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Test]
    public async Task Dashboard_GatewaysIngestedByEitherNode_BothNodesServeTheSameBoard()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var key = _cloud.Nodes.Select(n => n.AdminKey).First(k => k is not null)!;
        var (a, b) = (_cloud.Nodes[0].Api.Http, _cloud.Nodes[1].Api.Http);
        _cloud.Nodes[0].Api.UseKey(key);
        _cloud.Nodes[1].Api.UseKey(key);
        Assert.Multiple(async () =>
        {
            Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM sites"), Is.EqualTo(Gateways));
            Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM job_runs WHERE job LIKE 'demo-seed:%'"), Is.EqualTo(1), "seeded once for the cluster");
        });

        for (var i = 1; i <= Gateways; i++)
        {
            var gateway = await SiteGateway.ConnectAsync(_cloud.Broker.Port, $"gw-dn-{i}", $"dn-{i:D4}");
            _gateways.Add(gateway);
            for (var r = 0; r < 5; r++)
            {
                await gateway.BatteryAsync(50 + i + (r / 10.0));
            }
        }

        var seq = await _gateways[0].RaiseAsync(AlarmCodes.MainsFail);
        var alarmId = $"gw-dn-1:{AlarmCodes.MainsFail}:{seq}";
        for (var n = 0; n < 2; n++)
        {
            await OnNodeAsync(n, () => SitesAsync(n == 0 ? a : b), sites => sites.Count == Gateways && sites.All(s => s.Online && s.Volts == 50 + s.Index + 0.4)
                && sites.Single(s => s.Index == 1).Alarms == 1, "every gateway online with its newest reading, and gw-dn-1's alarm");
        }

        var ack = await a.PostAsJsonAsync($"/api/alarms/{alarmId}/ack", new { by = "Lan", note = "on site" });
        Assert.That(ack.IsSuccessStatusCode, Is.True, await ack.Content.ReadAsStringAsync());
        var ackedOnB = await OnNodeAsync(1, () => AckedByAsync(b, alarmId), by => by is not null, "node a's acknowledgement");

        await _gateways[1].DropAsync();
        for (var n = 0; n < 2; n++)
        {
            await OnNodeAsync(n, () => SitesAsync(n == 0 ? a : b), sites => !sites.Single(s => s.Index == 2).Online, "gw-dn-2's will: offline");
        }

        var to = DateTimeOffset.UtcNow;
        var boardA = await SitesAsync(a);
        var boardB = await SitesAsync(b);
        // Each node adds what the other ingested (contact spans of the last batches included) on its next cluster poll,
        // so the two reports of a window ending now agree once both have polled past it.
        var (availabilityA, availabilityB) = await OnNodeAsync(
            1, async () => (await AvailabilityAsync(a, from, to), await AvailabilityAsync(b, from, to)), r => r.Item1 == r.Item2,
            "the same availability report on both nodes");
        Assert.Multiple(() =>
        {
            Assert.That(ackedOnB, Is.EqualTo("Lan"));
            Assert.That(boardB, Is.EqualTo(boardA), "the same board on both nodes");
            Assert.That(boardA.Where(s => !s.Online).Select(s => s.Index), Is.EqualTo(new[] { 2 }));
            Assert.That(availabilityB, Is.EqualTo(availabilityA), "the same availability report on both nodes");
            Assert.That(availabilityA, Does.Contain("dn-0002"));
        });
    }

    /// <summary>Waits for a node's answer (another process: polled with a deadline); on timeout, names the node and shows its log's end.</summary>
    private async Task<T> OnNodeAsync<T>(int node, Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        try
        {
            return await Eventually.UntilAsync(probe, done, Wait, $"{what} on node {(char)('a' + node)}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{_cloud.Nodes[node].Process.Tail(40)}", ex);
        }
    }

    private static async Task<Board> SitesAsync(HttpClient node)
    {
        var sites = await node.GetFromJsonAsync<JsonElement>("/api/sites");
        return sites.EnumerateArray()
            .Where(s => s.GetProperty("deviceId").ValueKind == JsonValueKind.String)
            .Select(s => new SiteRow(
                int.Parse(s.GetProperty("code").GetString()!["dn-".Length..], CultureInfo.InvariantCulture),
                s.GetProperty("deviceId").GetString()!,
                s.GetProperty("online").GetBoolean(),
                s.GetProperty("batteryVolts").ValueKind == JsonValueKind.Number ? s.GetProperty("batteryVolts").GetDouble() : null,
                s.GetProperty("activeAlarms").GetInt32()))
            .OrderBy(s => s.Index)
            .Aggregate(new Board(), (board, row) =>
            {
                board.Add(row);
                return board;
            });
    }

    private static async Task<string?> AckedByAsync(HttpClient node, string alarmId)
    {
        var alarms = await node.GetFromJsonAsync<JsonElement>("/api/alarms");
        return alarms.EnumerateArray().Where(x => x.GetProperty("id").GetString() == alarmId)
            .Select(x => x.GetProperty("ackedBy")).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).FirstOrDefault();
    }

    private static async Task<string> AvailabilityAsync(HttpClient node, DateTimeOffset from, DateTimeOffset to)
    {
        var response = await node.GetAsync(new Uri(
            $"/api/availability?level=site&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}",
            UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return body;
    }

    /// <summary>The sites with a gateway, as the page lists them (printed in full when a wait times out).</summary>
    private sealed class Board : List<SiteRow>
    {
        public override string ToString() => string.Join("; ", this);
    }

    private sealed record SiteRow(int Index, string DeviceId, bool Online, double? Volts, int Alarms);
}
