using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.LoadHarness;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// Two cloud nodes on one mosquitto and one PostgreSQL, sharing ingest through an MQTT 5 shared
/// subscription: every reading is stored exactly once and both nodes take part; singleton jobs run
/// once per period although both nodes schedule them; commands and desired configuration made on one
/// node are the same records on the other.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class SharedIngestTests
{
    private const int Gateways = 200;
    private const int Readings = 20;
    private const int Batches = 10;
    private ScaledCloud _cloud = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _cloud = await ScaledCloud.StartAsync(2, "--Coordination:ProbeInterval=00:00:00.500", "--Rollouts:TickInterval=00:00:00.500");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Test]
    public async Task Fleet_TwoNodesOnSharedSubscription_EveryReadingStoredOnceSplitAcrossNodes()
    {
        var options = _cloud.Fleet(Gateways, Readings, Batches, "share-");
        await using (var fleet = await LoadFleet.ConnectAsync(options, TimeProvider.System, CancellationToken.None))
        {
            Assert.That(fleet.Connected, Is.EqualTo(Gateways));
            await fleet.RunAsync(CancellationToken.None);
            Assert.That(fleet.AckedReadings, Is.EqualTo(Gateways * Readings * Batches), "every batch acknowledged by mosquitto");
        }

        const long Expected = Gateways * Readings * Batches;
        await _cloud.WaitForReadingsAsync(Expected);
        var perDevice = await _cloud.ReadingsPerDeviceAsync();
        using var probe = new CloudProbe(options.Clouds);
        var perNode = new List<long>();
        foreach (var node in options.Clouds)
        {
            perNode.Add(await probe.ReadingsIngestedAsync(node, CancellationToken.None));
        }

        Assert.Multiple(() =>
        {
            Assert.That(perDevice, Has.Count.EqualTo(Gateways));
            Assert.That(perDevice.Where(d => d.Rows != Readings * Batches || d.Distinct != d.Rows || d.MaxSeq != Readings * Batches),
                Is.Empty, "each device: sequence 1..N, each stored once");
            Assert.That(perNode, Has.All.GreaterThan(0), "both nodes ingested part of the stream");
            Assert.That(perNode.Sum(), Is.EqualTo(Expected), "the nodes' counters add up to each reading once");
        });
    }

    [Test]
    public async Task SingletonJob_TwoNodesScheduleIt_RunsOncePerPeriod()
    {
        var runs = await Eventually.UntilAsync(
            () => _cloud.ScalarAsync("SELECT count(DISTINCT period) FROM cluster_probe"), n => n >= 10, TimeSpan.FromSeconds(60), "10 probe periods");
        var rows = await _cloud.ScalarAsync("SELECT count(*) FROM cluster_probe");
        var doubled = await _cloud.ScalarAsync("SELECT count(*) FROM (SELECT period FROM cluster_probe GROUP BY period HAVING count(*) > 1) d");
        Assert.Multiple(() =>
        {
            Assert.That(doubled, Is.Zero, "no period ran on both nodes");
            Assert.That(rows, Is.GreaterThanOrEqualTo(runs));
        });
    }

    [Test]
    public async Task CommandAndConfig_MadeOnOneNode_FollowedAndChangedOnTheOther()
    {
        var key = _cloud.Nodes.Select(n => n.AdminKey).First(k => k is not null)!; // the node that bootstrapped first
        var (a, b) = (_cloud.Nodes[0].Api, _cloud.Nodes[1].Api);
        a.UseKey(key);
        b.UseKey(key);

        var created = await (await a.Http.PostAsJsonAsync("/api/commands", new { deviceId = "gw-nodes", type = "ping", expires = DateTimeOffset.UtcNow.AddHours(1) }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("commands")[0].GetProperty("id").GetString();
        var onB = await b.Http.GetAsync(new Uri($"/api/commands/{id}", UriKind.Relative));
        var cancelOnB = await b.Http.PostAsync(new Uri($"/api/commands/{id}/cancel", UriKind.Relative), null);
        var onA = await a.Http.GetFromJsonAsync<JsonElement>($"/api/commands/{id}");

        var put = await a.Http.PutAsJsonAsync("/api/config/devices/gw-nodes", new { settings = new { uploadSeconds = 45 } });
        var configOnB = await b.Http.GetAsync(new Uri("/api/config/devices/gw-nodes", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(onB.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the command created on node a is found on node b");
            Assert.That(cancelOnB.IsSuccessStatusCode, Is.True, await cancelOnB.Content.ReadAsStringAsync());
            Assert.That(onA.GetProperty("status").GetString(), Is.EqualTo("cancelled").IgnoreCase, "node b's cancel is what node a reads");
            Assert.That(put.IsSuccessStatusCode, Is.True, await put.Content.ReadAsStringAsync());
            Assert.That(configOnB.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the configuration made on node a is node b's too");
            Assert.That(await configOnB.Content.ReadAsStringAsync(), Does.Contain("45"));
        });
    }

    [Test]
    public async Task ConfigRollout_CreatedOnOneNode_WaveReleasedOnceByTheClusterSeenOnTheOther()
    {
        var key = _cloud.Nodes.Select(n => n.AdminKey).First(k => k is not null)!;
        var (a, b) = (_cloud.Nodes[0].Api, _cloud.Nodes[1].Api);
        a.UseKey(key);
        b.UseKey(key);

        var created = await (await a.Http.PostAsJsonAsync("/api/rollouts", new
        {
            kind = "config", config = new { uploadSeconds = 90 }, target = new { deviceIds = new[] { "gw-ro-1", "gw-ro-2" } }, waves = new[] { 100 },
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("rollout").GetProperty("id").GetString();

        // The wave job runs on whichever node holds its period; node b reads the shared rollout.
        var released = await Eventually.UntilAsync(
            async () => (await b.Http.GetFromJsonAsync<JsonElement>($"/api/rollouts/{id}")).GetProperty("rollout").GetProperty("currentWave").GetInt32(),
            wave => wave == 0, TimeSpan.FromSeconds(30), "wave 1 released");
        // The wave is marked started, then its devices are released one by one: wait for the releases, not the mark.
        var desired = await Eventually.UntilAsync(
            () => _cloud.ScalarAsync("SELECT count(*) FROM device_configs WHERE device_id IN ('gw-ro-1', 'gw-ro-2') AND (doc->>'DesiredVersion')::bigint >= 1"),
            count => count == 2, TimeSpan.FromSeconds(30), "both devices' desired configuration stored");
        var periods = await _cloud.ScalarAsync("SELECT count(*) FROM job_runs WHERE job = 'rollouts.waves'");
        Assert.Multiple(() =>
        {
            Assert.That(released, Is.Zero);
            Assert.That(desired, Is.EqualTo(2), "both devices got their desired configuration, in the shared store");
            Assert.That(periods, Is.GreaterThan(0), "the wave engine runs as a coordinated singleton job (one claim per period in job_runs)");
        });
    }
}
