using System.Globalization;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// The real cloud as a child process on free loopback ports, restartable on the same ports and data. Runs
/// with <c>Security:Mode=Development</c> (simulated fleets connect unprovisioned) unless the extra arguments
/// say <c>--Security:Mode=Enforced</c>; <see cref="Api"/> carries the bootstrap admin key.
/// </summary>
public sealed class CloudProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyList<string> _extraArgs;
    private ChildProcess? _process;

    private CloudProcess(string dataDirectory, IReadOnlyList<string> extraArgs)
    {
        DataDirectory = dataDirectory;
        _extraArgs = extraArgs;
        HttpPort = FreeTcpPort.Next();
        MqttPort = FreeTcpPort.Next();
        Api = new CloudApi(BaseAddress);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>
    /// The bootstrap admin API key the cloud wrote (owner-only) on its first run. A node that shares its
    /// store (PostgreSQL) with a node that started first finds a key already there and writes none.
    /// </summary>
    public string? AdminKey => File.Exists(KeyFile) ? File.ReadAllText(KeyFile).Trim() : null;

    private string KeyFile => Path.Combine(DataDirectory, "security", "bootstrap-admin.key");

    public string DataDirectory { get; }

    public int HttpPort { get; }

    /// <summary>The embedded broker's port (unused in external-broker mode).</summary>
    public int MqttPort { get; }

    public CloudApi Api { get; }

    public ChildProcess Process => _process ?? throw new InvalidOperationException("The cloud is not running.");

    /// <summary>Starts the cloud with the embedded broker (or with <paramref name="extraArgs"/> such as external-broker settings).</summary>
    public static async Task<CloudProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var cloud = new CloudProcess(dataDirectory, extraArgs);
        await cloud.StartAgainAsync().ConfigureAwait(false);
        return cloud;
    }

    /// <summary>Starts (again) on the same ports with the same data directory.</summary>
    public async Task StartAgainAsync()
    {
        var args = new List<string>
        {
            $"--Urls=http://127.0.0.1:{HttpPort}",
            $"--Broker:Port={MqttPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Storage:DataDirectory={DataDirectory}",
            "--Security:Mode=Development",
        };
        args.AddRange(_extraArgs);
        _process = ChildProcess.StartDotnet(RepoPaths.BuiltDll("cloud/Thanhhoa.Iot.Cloud", "Thanhhoa.Iot.Cloud"), args, name: "cloud");
        await _process.WaitForLineAsync("cloud ready", StartTimeout).ConfigureAwait(false);
        if (AdminKey is { } key)
        {
            Api.UseKey(key);
        }
    }

    /// <summary>SIGKILL: the broker and the cloud vanish without a goodbye.</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        Api.Dispose();
    }
}
