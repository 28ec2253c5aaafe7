using Thanhhoa.Iot.EndToEnd.Tests.Packaging;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Processes;

namespace Thanhhoa.Iot.EndToEnd.Tests.Security;

/// <summary>
/// One gateway as a technician sets it up: <c>thgw provision</c> as a process into its own data directory
/// and configuration file, then <c>thgw run</c> reading that file (THGW_CONFIG), with the simulated site.
/// </summary>
internal sealed class ProvisionedGateway : IAsyncDisposable
{
    private ChildProcess? _run;

    public ProvisionedGateway(string directory)
    {
        DataDirectory = Path.Combine(directory, "data");
        ConfigFile = Path.Combine(directory, "appsettings.json");
    }

    public string DataDirectory { get; }

    public string ConfigFile { get; }

    public string SecretFile => Path.Combine(DataDirectory, "credentials", "device.secret");

    public ChildProcess Run => _run ?? throw new InvalidOperationException("thgw run was not started.");

    public Task<ThgwRun> ProvisionAsync(Uri cloud, string token, string? site, string language = "en")
    {
        var args = new List<string> { "provision", "--cloud", cloud.ToString(), "--token", token, "--data", DataDirectory, "--config", ConfigFile, "--lang", language };
        if (site is not null)
        {
            args.AddRange(["--site", site]);
        }

        return ThgwRun.ExecAsync(args);
    }

    public void Start()
    {
        var env = new Dictionary<string, string>
        {
            ["THGW_CONFIG"] = ConfigFile,
            ["THGW_Simulation__Enabled"] = "true",
            ["THGW_Simulation__PollInterval"] = "00:00:00.200",
            ["THGW_Uplink__KeepAlive"] = "00:00:05",
            ["THGW_Uplink__BackoffMin"] = "00:00:00.200",
            ["THGW_Uplink__BackoffMax"] = "00:00:01",
            ["THGW_Logging__LogLevel__Default"] = "Debug",
        };
        _run = ChildProcess.StartDotnet(RepoPaths.BuiltDll("edge/Thanhhoa.Iot.Gateway", "thgw"), ["run"], env, "thgw run");
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync().ConfigureAwait(false);
        }
    }
}
