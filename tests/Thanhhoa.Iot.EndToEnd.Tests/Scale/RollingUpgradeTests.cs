using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.LoadHarness;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// A rolling upgrade as the broker sees it (docs/deployment.md, "Upgrading from a single session"): old and upgraded
/// nodes hold different shared subscriptions, so mosquitto hands every up/ message to one node of each, at the same
/// moment. Here node a subscribes in group <c>ingest</c> and node b in <c>ingest-v2</c>, both on one PostgreSQL: every
/// reading, event, birth and command result reaches both nodes, both store it concurrently, and the store keeps exactly
/// one copy (the second is counted as a duplicate), without a failed acknowledgement or a lost message.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class RollingUpgradeTests
{
    private const string ReadingsStored = "thiot_readings_ingested_total";
    private const string ReadingsDropped = "thiot_duplicates_dropped_total{kind=\"reading\"}";
    private const string EventsStored = "thiot_events_ingested_total";
    private const string EventsDropped = "thiot_duplicates_dropped_total{kind=\"event\"}";
    private const string StoreFailures = "thiot_ingest_store_failures_total";
    private const string CommandsSucceeded = "thiot_commands_finished_total{state=\"Succeeded\"}";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private ScaledCloud _cloud = null!;
    private List<NodeMetrics> _metrics = [];

    // The control lane takes one message at a time (Receive Maximum 1), so once a node has counted the event a gateway
    // sent after its command result, that node has finished with the result too. Ingest logs each birth applied or ignored.
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cloud = await ScaledCloud.StartAsync([[], ["--Broker:External:SharedGroup=ingest-v2"]], "--Broker:External:ControlMaxInFlight=1", "--Logging:LogLevel:Thanhhoa.Iot.Cloud.Ingest=Information");
        _metrics = _cloud.Nodes.Select(n => new NodeMetrics(n.BaseAddress)).ToList();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _metrics.ForEach(m => m.Dispose());
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Test]
    public async Task Fleet_NodesInTwoSharedGroups_BothIngestEveryBatchAndEachReadingIsStoredOnce()
    {
        const int Gateways = 200, Readings = 20, Batches = 10;
        const long Expected = Gateways * Readings * Batches;
        Assert.That(_cloud.Nodes[1].Process.Output.Any(l => l.Contains("'$share/ingest-v2/thiot/v1/+/up/telemetry'", StringComparison.Ordinal)), Is.True,
            "node b subscribes in its own group");
        var before = await SnapshotAsync();
        var options = _cloud.Fleet(Gateways, Readings, Batches, "roll-");
        await using (var fleet = await LoadFleet.ConnectAsync(options, TimeProvider.System, CancellationToken.None))
        {
            Assert.That(fleet.Connected, Is.EqualTo(Gateways));
            await fleet.RunAsync(CancellationToken.None);
            Assert.That(fleet.AckedReadings, Is.EqualTo(Expected), "every batch acknowledged by mosquitto");
        }

        // Each node counts a reading as stored or as a duplicate once it has handled it: wait until both handled them all.
        var handled = await EachNodeHandledAsync(before, ReadingsStored, ReadingsDropped, Expected, "readings");
        var stored = await GrownAsync(before, ReadingsStored);
        var dropped = await GrownAsync(before, ReadingsDropped);
        var perDevice = (await _cloud.ReadingsPerDeviceAsync()).Where(d => d.Device.StartsWith("roll-", StringComparison.Ordinal)).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(handled, Is.EqualTo((Expected, Expected)), "the broker gave every batch to both nodes, once each");
            Assert.That(perDevice, Has.Count.EqualTo(Gateways));
            Assert.That(perDevice.Where(d => d.Rows != Readings * Batches || d.Distinct != d.Rows || d.MaxSeq != Readings * Batches),
                Is.Empty, "each device: sequence 1..N, each stored once");
            Assert.That(stored.A + stored.B, Is.EqualTo(Expected), $"stored once between them (a {stored.A}, b {stored.B})");
            Assert.That(dropped.A + dropped.B, Is.EqualTo(Expected), $"the second copy of each dropped (a {dropped.A}, b {dropped.B})");
            Assert.That(await GrownAsync(before, StoreFailures), Is.EqualTo((0L, 0L)), "no store failure, so no acknowledgement withheld");
            Assert.That(await DeadlocksAsync(), Is.Zero, "the two nodes' concurrent commits never deadlocked");
        });
    }

    [Test]
    public async Task Gateways_NodesInTwoSharedGroups_BirthsEventsAndCommandResultsRecordedOnce()
    {
        const int Gateways = 50, Rounds = 10, Readings = 10;
        const long Events = Gateways * (Rounds + 1);
        var before = await SnapshotAsync();
        var gateways = await Task.WhenAll(Enumerable.Range(1, Gateways).Select(i => UpgradeGateway.JoinAsync(_cloud.Broker.Port, $"up-{i:D3}")));
        try
        {
            await Eventually.UntilAsync(() => _cloud.ScalarAsync("SELECT count(*) FROM devices WHERE device_id LIKE 'up-%' AND online AND session = 1"),
                n => n == Gateways, Wait, "every gateway's birth applied");
            var commands = await CreateCommandsAsync(gateways.Select(g => g.DeviceId));
            await Task.WhenAll(gateways.Select(g => PublishAsync(g, Rounds, Readings)));
            var answered = await Task.WhenAll(gateways.Select(g => g.Answered)).WaitAsync(Wait);
            await Task.WhenAll(gateways.Select(g => g.MainsAsync(EventAction.Raise))); // after the result: see the fixture set-up

            var handled = await EachNodeHandledAsync(before, EventsStored, EventsDropped, Events, "events");
            await EachNodeHandledAsync(before, ReadingsStored, ReadingsDropped, Gateways * Rounds * Readings, "readings");
            var losses = await Task.WhenAll(gateways.Select(g => _cloud.Nodes[0].Api.LossAsync(g.DeviceId)));
            var stored = await GrownAsync(before, EventsStored);
            var dropped = await GrownAsync(before, EventsDropped);
            var succeeded = await GrownAsync(before, CommandsSucceeded);
            var (applied, repeated) = await Eventually.UntilAsync(
                () => Task.FromResult((LogLines("is online (session 1)"), LogLines("Ignored a stale or repeated online of device up-"))),
                n => n.Item1 + n.Item2 >= 2 * Gateways, Wait, "both nodes' log lines about each birth");
            Assert.Multiple(async () =>
            {
                Assert.That(handled, Is.EqualTo((Events, Events)), "the broker gave every event to both nodes, once each");
                Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM events WHERE device_id LIKE 'up-%'"), Is.EqualTo(Events), "each event stored once");
                Assert.That(stored.A + stored.B, Is.EqualTo(Events), $"stored once between them (a {stored.A}, b {stored.B})");
                Assert.That(dropped.A + dropped.B, Is.EqualTo(Events), $"the second copy of each dropped (a {dropped.A}, b {dropped.B})");
                Assert.That(answered, Is.EquivalentTo(commands), "every gateway answered its command");
                Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM commands WHERE device_id LIKE 'up-%' AND state = 2"), Is.EqualTo(Gateways),
                    "every command succeeded");
                Assert.That(succeeded.A + succeeded.B, Is.EqualTo(Gateways), $"each command completed once although both nodes got its result (a {succeeded.A}, b {succeeded.B})");
                Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM control_seqs WHERE device_id LIKE 'up-%'"), Is.EqualTo(Gateways),
                    "each result's sequence number recorded once");
                Assert.That(losses.Where(l => l is null || l.Missing.Count > 0 || l.Stored != l.HighestSeq), Is.Empty, "the loss ledger misses nothing");
                Assert.That(losses.Select(l => l?.HighestSeq), Is.EqualTo(gateways.Select(g => (long?)g.LastSeq)), "up to each gateway's last number");
                Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM devices WHERE device_id LIKE 'up-%' AND online AND session = 1 AND firmware = 'rolling-1'"),
                    Is.EqualTo(Gateways), "every gateway online in session 1");
                Assert.That((applied, repeated), Is.EqualTo((Gateways, Gateways)), "each birth reached both nodes: applied by one, ignored as a repeat by the other");
                Assert.That(await _cloud.ScalarAsync("SELECT count(*) FROM link_history WHERE device_id LIKE 'up-%'"), Is.EqualTo(Gateways),
                    "each birth recorded once in the link history");
                Assert.That(await GrownAsync(before, StoreFailures), Is.EqualTo((0L, 0L)), "no store failure, so no acknowledgement withheld");
            });
        }
        finally
        {
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
        }
    }

    private static async Task PublishAsync(UpgradeGateway gateway, int rounds, int readings)
    {
        for (var r = 0; r < rounds; r++)
        {
            await gateway.TelemetryAsync(readings);
            await gateway.MainsAsync(r % 2 == 0 ? EventAction.Raise : EventAction.Clear);
        }
    }

    /// <summary>One <c>ping</c> per device through node b's REST API (the upgraded node); the ids created.</summary>
    private async Task<List<string>> CreateCommandsAsync(IEnumerable<string> deviceIds)
    {
        var api = _cloud.Nodes[1].Api;
        api.UseKey(_cloud.Nodes.Select(n => n.AdminKey).First(k => k is not null)!);
        using var response = await api.Http.PostAsJsonAsync("/api/commands", new { deviceIds, type = "ping", expires = DateTimeOffset.UtcNow.AddMinutes(5) });
        var created = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
    }

    private async Task<IReadOnlyDictionary<string, long>[]> SnapshotAsync() => await Task.WhenAll(_metrics.Select(m => m.ReadAsync()));

    /// <summary>How much <paramref name="sample"/> grew on node a and on node b since <paramref name="before"/>.</summary>
    private async Task<(long A, long B)> GrownAsync(IReadOnlyDictionary<string, long>[] before, string sample) =>
        (await _metrics[0].SinceAsync(before[0], sample), await _metrics[1].SinceAsync(before[1], sample));

    /// <summary>Waits (the nodes are other processes) until each node stored or dropped <paramref name="expected"/> rows; their counts.</summary>
    private Task<(long A, long B)> EachNodeHandledAsync(IReadOnlyDictionary<string, long>[] before, string stored, string dropped, long expected, string what) =>
        Eventually.UntilAsync(
            async () =>
            {
                var (s, d) = (await GrownAsync(before, stored), await GrownAsync(before, dropped));
                return (s.A + d.A, s.B + d.B);
            },
            n => n.Item1 >= expected && n.Item2 >= expected,
            Wait,
            $"both nodes handled {expected} {what} (stored or dropped as duplicates)");

    /// <summary>Lines of both nodes' output about the <c>up-</c> gateways containing <paramref name="text"/>.</summary>
    private int LogLines(string text) =>
        _cloud.Nodes.Sum(n => n.Process.Output.Count(l => l.Contains(" up-", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal)));

    private Task<long> DeadlocksAsync() => _cloud.ScalarAsync("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
}
