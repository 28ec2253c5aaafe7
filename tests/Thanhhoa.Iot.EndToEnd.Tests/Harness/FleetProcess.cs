using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary><c>thgw simulate --fleet N</c> as a child process: the real edge code, one outbox file per gateway.</summary>
public sealed class FleetProcess : IAsyncDisposable
{
    private static readonly Lazy<int> ProfileChannelCount = new(() =>
    {
        using var profile = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "profiles", "bts-site.json")),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return profile.RootElement.GetProperty("Site").GetProperty("channels").GetArrayLength();
    });

    private readonly ChildProcess _process;

    private FleetProcess(ChildProcess process, string dataDirectory, IReadOnlyList<string> deviceIds)
    {
        _process = process;
        DataDirectory = dataDirectory;
        DeviceIds = deviceIds;
    }

    public string DataDirectory { get; }

    public IReadOnlyList<string> DeviceIds { get; }

    public ChildProcess Process => _process;

    /// <summary>
    /// Starts <paramref name="count"/> simulated gateways against <c>127.0.0.1:<paramref name="brokerPort"/></c>,
    /// polling fast (every channel of the BTS profile every 250 ms, heartbeat 1 s) and reconnecting quickly so tests finish in seconds. <paramref name="settings"/> are
    /// extra gateway settings (section:key = value), passed as THGW_ environment variables.
    /// </summary>
    public static async Task<FleetProcess> StartAsync(int count, int brokerPort, string dataDirectory, string prefix,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var env = new Dictionary<string, string>
        {
            ["THGW_Uplink__KeepAlive"] = "00:00:05",
            ["THGW_Uplink__BackoffMin"] = "00:00:00.200",
            ["THGW_Uplink__BackoffMax"] = "00:00:01",
            ["THGW_Uplink__ReadingsPerBatch"] = "200",
        };
        // The demo profile reports by exception (15 min heartbeats); tests want a steady stream.
        for (var i = 0; i < ProfileChannelCount.Value; i++)
        {
            env[$"THGW_Site__Channels__{i}__PollInterval"] = "250ms";
            env[$"THGW_Site__Channels__{i}__Heartbeat"] = "1s";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env["THGW_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var args = new[] { "simulate", "--fleet", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--broker", $"127.0.0.1:{brokerPort}", "--data", dataDirectory, "--prefix", prefix };
        var process = ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), args, env, "thgw simulate");
        var layout = new FleetLayout(count, prefix, null, dataDirectory);
        var ids = Enumerable.Range(1, count).Select(layout.DeviceId).ToList();
        await process.WaitForLineAsync("Ctrl+C stops", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new FleetProcess(process, dataDirectory, ids);
    }

    /// <summary>SIGTERM and wait: every gateway says offline and closes its outbox.</summary>
    public async Task StopAsync()
    {
        var code = await _process.StopAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"thgw simulate exited with {code}:{Environment.NewLine}{_process.Tail(30)}");
        }
    }

    public string OutboxDirectory(string deviceId) => Path.Combine(DataDirectory, deviceId);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
