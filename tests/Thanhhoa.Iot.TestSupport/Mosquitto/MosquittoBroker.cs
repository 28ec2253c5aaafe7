using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Thanhhoa.Iot.TestSupport.Mosquitto;

/// <summary>
/// A real mosquitto broker on a free loopback port, for tests of the external-broker shape. It can be
/// stopped and started again on the same port (to test reconnects); persistence is off, so a restart
/// forgets sessions, like a broker that lost its state. Missing mosquitto fails the test in CI and
/// ignores it elsewhere (see <see cref="ExternalTool"/>).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly string _executable;
    private readonly TempDirectory _dir = new("mosquitto");
    private readonly StringBuilder _output = new();
    private Process? _process;
    private TempDirectory? _extra;

    private MosquittoBroker(string executable, int port, IReadOnlyList<string>? security = null)
    {
        _executable = executable;
        Port = port;
        ConfigFile = _dir.File("mosquitto.conf");
        File.WriteAllText(ConfigFile, string.Join('\n', [
            $"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1",
            .. security ?? ["allow_anonymous true"],
            "set_tcp_nodelay true",
            "max_queued_messages 0",
            "persistence false",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            string.Empty]));
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string ConfigFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What mosquitto printed so far (for assertion messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts mosquitto on a free port and returns once it accepts TCP connections.</summary>
    public static async Task<MosquittoBroker> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = ExternalTool.Require("mosquitto", "mosquitto");
        var broker = new MosquittoBroker(executable, FreeTcpPort.Next());
        try
        {
            await broker.StartAgainAsync(cancellationToken).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts mosquitto with the dynamic-security plugin and no anonymous access: the plugin's JSON is
    /// initialised in the temp directory with <c>mosquitto_ctrl dynsec init</c> and one admin,
    /// <paramref name="adminUser"/>/<paramref name="adminPassword"/>, who may administer clients and roles
    /// over <c>$CONTROL/dynamic-security/v1</c> but not publish to normal topics.
    /// </summary>
    public static async Task<MosquittoBroker> StartWithDynamicSecurityAsync(string adminUser, string adminPassword, CancellationToken cancellationToken = default)
    {
        var executable = ExternalTool.Require("mosquitto", "mosquitto");
        var control = ExternalTool.Require("mosquitto_ctrl", "mosquitto-clients");
        var plugin = DynamicSecurityPlugin.Find();
        var dir = new TempDirectory("mosquitto-dynsec");
        var json = dir.File("dynsec.json");
        await DynamicSecurityPlugin.InitAsync(control, json, adminUser, adminPassword, cancellationToken).ConfigureAwait(false);
        var broker = new MosquittoBroker(executable, FreeTcpPort.Next(), [
            "allow_anonymous false",
            $"plugin {plugin}",
            $"plugin_opt_config_file {json}",
        ]);
        broker._extra = dir;
        try
        {
            await broker.StartAgainAsync(cancellationToken).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the (stopped) broker again on the same port.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"mosquitto is already running on port {Port}.");
        }

        _process?.Dispose();
        var info = new ProcessStartInfo(_executable, ["-c", ConfigFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the broker (no goodbye to clients) and waits for the process to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process?.Dispose();
        _dir.Dispose();
        _extra?.Dispose();
    }

    // Polling is the only signal an external process gives that its socket is open; bounded by a deadline.
    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode} on start (port {Port}): {Output}");
            }

            if (await CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"mosquitto did not accept connections on {Host}:{Port} within {StartTimeout.TotalSeconds} s: {Output}");
    }

    private async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
