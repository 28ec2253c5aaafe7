using System.Globalization;
using Npgsql;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.LoadHarness;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Mosquitto;
using Thanhhoa.Iot.TestSupport.Postgres;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// The scaled shape on one machine: a real mosquitto, a fresh database in the test PostgreSQL cluster,
/// and cloud nodes as processes sharing ingest through <c>$share/ingest/...</c>.
/// </summary>
public sealed class ScaledCloud : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new("e2e-scale");
    private readonly List<CloudProcess> _nodes = [];

    private ScaledCloud(MosquittoBroker broker, string connectionString)
    {
        Broker = broker;
        ConnectionString = connectionString;
    }

    public MosquittoBroker Broker { get; }

    public string ConnectionString { get; }

    public IReadOnlyList<CloudProcess> Nodes => _nodes;

    public static Task<ScaledCloud> StartAsync(int nodes, params string[] nodeArgs) =>
        StartAsync(Enumerable.Repeat(Array.Empty<string>(), nodes).ToList(), nodeArgs);

    /// <summary>
    /// One node per entry of <paramref name="perNode"/>, each with <paramref name="nodeArgs"/> and then its own arguments
    /// (the later of two equal keys wins, so a node's own <c>--Broker:External:SharedGroup=...</c> replaces <c>ingest</c>).
    /// </summary>
    public static async Task<ScaledCloud> StartAsync(IReadOnlyList<string[]> perNode, params string[] nodeArgs)
    {
        ArgumentNullException.ThrowIfNull(perNode);
        var cluster = await PostgresCluster.SharedAsync();
        var broker = await MosquittoBroker.StartAsync();
        var cloud = new ScaledCloud(broker, await cluster.CreateDatabaseAsync("scale"));
        try
        {
            // Started together: their migrations race for the advisory lock, as real nodes do.
            var starts = perNode.Select((own, i) => cloud.StartNodeAsync(((char)('a' + i)).ToString(), [.. nodeArgs, .. own])).ToList();
            cloud._nodes.AddRange(await Task.WhenAll(starts));
            foreach (var node in cloud._nodes)
            {
                await WaitHealthyAsync(node);
            }

            return cloud;
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }
    }

    public LoadOptions Fleet(int gateways, int readings, int batches, string prefix) => new()
    {
        BrokerPort = Broker.Port,
        Gateways = gateways,
        ReadingsPerBatch = readings,
        BatchesPerGateway = batches,
        Interval = TimeSpan.FromMilliseconds(100),
        ConnectRate = 400,
        Prefix = prefix,
        Clouds = _nodes.Select(n => new Uri($"http://127.0.0.1:{n.HttpPort}")).ToList(),
    };

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<List<(string Device, long Rows, long Distinct, long MaxSeq)>> ReadingsPerDeviceAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT device_id, count(*), count(DISTINCT seq), max(seq) FROM readings GROUP BY device_id ORDER BY device_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, long, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }

    /// <summary>Waits (polling the database: another process writes it) until <paramref name="expected"/> readings are stored.</summary>
    public Task<long> WaitForReadingsAsync(long expected) =>
        Eventually.UntilAsync(() => ScalarAsync("SELECT count(*) FROM readings"), n => n >= expected, Wait, $"{expected} readings in PostgreSQL");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Broker.DisposeAsync();
        _dir.Dispose();
    }

    private Task<CloudProcess> StartNodeAsync(string name, string[] nodeArgs) => CloudProcess.StartAsync(
        _dir.File("node-" + name),
        [
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={ConnectionString}",
            "--Broker:Mode=External",
            $"--Broker:External:Port={Broker.Port.ToString(CultureInfo.InvariantCulture)}",
            "--Broker:External:SharedGroup=ingest",
            $"--Broker:External:ClientId=thiot-ingest-{name}",
            $"--Coordination:NodeId=node-{name}",
            "--Logging:LogLevel:Thanhhoa.Iot.Cloud.Ingest=Warning",
            .. nodeArgs,
        ]);

    private static async Task WaitHealthyAsync(CloudProcess node)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.HttpPort}") };
        await Eventually.UntilAsync(
            async () => (int)(await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode,
            code => code == 200, Wait, $"node on port {node.HttpPort} healthy (subscribed to the broker)");
    }
}
