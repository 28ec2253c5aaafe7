using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Thanhhoa.Iot.TestSupport.Postgres;

/// <summary>
/// A private PostgreSQL cluster (Debian's postgresql 15 binaries, not the system service) in a temp
/// directory, on a free loopback port with its unix socket in the same directory, trust auth for
/// loopback and fsync on. One cluster serves a whole test run (<see cref="SharedAsync"/>); each test
/// fixture asks it for a fresh database. As root, initdb and the server run as the <c>postgres</c> user.
/// Missing binaries fail the test in CI and ignore it elsewhere (see <see cref="ExternalTool"/>).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static PostgresCluster? _shared;
    private static int _databaseCounter;
    private readonly TempDirectory _dir;
    private readonly bool _asPostgresUser;

    private PostgresCluster(TempDirectory dir, int port, bool asPostgresUser)
    {
        _dir = dir;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string DataDirectory => _dir.File("data");

    /// <summary>Connection string of the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>The cluster shared by the whole test run, started on first use (stopped by <see cref="StopSharedAsync"/>).</summary>
    public static async Task<PostgresCluster> SharedAsync(CancellationToken cancellationToken = default)
    {
        await SharedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _shared ??= await StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>Stops the shared cluster if one was started (call from an assembly-level [SetUpFixture]).</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } cluster)
        {
            _shared = null;
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Initialises and starts a new cluster; <paramref name="settings"/> are extra postgresql.conf lines.</summary>
    public static async Task<PostgresCluster> StartAsync(IEnumerable<string>? settings = null, CancellationToken cancellationToken = default)
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        if (!File.Exists(initdb))
        {
            ExternalTool.Unavailable($"'{initdb}' was not found; install the Debian package 'postgresql' (scripts/deps.sh test does this as root).");
        }

        var asPostgres = Environment.UserName == "root";
        var cluster = new PostgresCluster(new TempDirectory("thiot-pg"), FreeTcpPort.Next(), asPostgres);
        try
        {
            await cluster.InitAsync(settings ?? [], cancellationToken).ConfigureAwait(false);
            await cluster.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
    }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{Sanitize(prefix)}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // Immediate: a test cluster's data is thrown away, so no checkpoint is needed.
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None, throwOnError: false)
                .ConfigureAwait(false);
        }

        NpgsqlConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static string Sanitize(string prefix) =>
        new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).PadRight(1, 'x');

    private async Task InitAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        if (_asPostgresUser)
        {
            await RunToolAsync("chown", ["postgres:postgres", _dir.Path], cancellationToken).ConfigureAwait(false);
        }

        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken)
            .ConfigureAwait(false);
        var conf = new List<string>
        {
            $"port = {Port.ToString(CultureInfo.InvariantCulture)}",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{_dir.Path}'",
            "fsync = on",
            "synchronous_commit = on",
            "max_connections = 300",
            "log_min_messages = warning",
        };
        conf.AddRange(settings);
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"), conf, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var log = _dir.File("server.log");
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", log, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "start"],
            cancellationToken).ConfigureAwait(false);
        await WaitUntilAcceptingAsync(log, cancellationToken).ConfigureAwait(false);
    }

    // pg_ctl -w already waited; a connect loop with a deadline proves TCP on the loopback port works too.
    private async Task WaitUntilAcceptingAsync(string log, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                var text = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : "(no log)";
                throw new TimeoutException($"PostgreSQL on 127.0.0.1:{Port} did not accept connections within {StartTimeout}: {ex.Message}\n{text}", ex);
            }
        }
    }

    private Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var path = Path.Combine(BinDirectory, tool);
        return _asPostgresUser
            ? RunToolAsync("runuser", ["-u", "postgres", "--", path, .. args], cancellationToken, throwOnError)
            : RunToolAsync(path, args, cancellationToken, throwOnError);
    }

    private static async Task RunToolAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }
}
