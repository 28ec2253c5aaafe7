using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Thanhhoa.Iot.TestSupport.Processes;

/// <summary>
/// A real child process whose output lines tests wait on (signals, not sleeps). Output is kept so a
/// failing test can print it, and so tests can scan it (e.g. for leaked secrets).
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];
    private readonly Lock _gate = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every stdout and stderr line so far (stderr lines prefixed with "! ").</summary>
    public IReadOnlyCollection<string> Output => _lines.ToArray();

    /// <summary>Starts <c>dotnet exec DLL args</c> with extra environment variables.</summary>
    public static ChildProcess StartDotnet(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? name = null)
        => Start("dotnet", ["exec", dll, .. args], env, name ?? Path.GetFileNameWithoutExtension(dll));

    public static ChildProcess Start(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? name = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name ?? fileName);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, error: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes with the first line (past or future) that matches; fails after <paramref name="timeout"/> or if the process exits first.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) => WaitForLineAfterAsync(0, match, timeout);

    /// <summary>How many lines have been printed so far; pass it to <see cref="WaitForLineAfterAsync"/> to wait only for newer lines.</summary>
    public int Mark()
    {
        lock (_gate)
        {
            return _lines.Count;
        }
    }

    /// <summary>Like <see cref="WaitForLineAsync(Func{string, bool}, TimeSpan)"/>, but ignores the first <paramref name="mark"/> lines.</summary>
    public async Task<string> WaitForLineAfterAsync(int mark, Func<string, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _lines.Skip(mark).FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add((match, done));
        }

        var exited = _process.WaitForExitAsync();
        var winner = await Task.WhenAny(done.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (winner == done.Task)
        {
            return await done.Task.ConfigureAwait(false);
        }

        var why = winner == exited ? $"exited with code {SafeExitCode()}" : $"did not print it within {timeout}";
        throw new TimeoutException($"{Name} {why}. Last output:{Environment.NewLine}{Tail(40)}");
    }

    public Task<string> WaitForLineAsync(string contains, TimeSpan timeout)
        => WaitForLineAsync(l => l.Contains(contains, StringComparison.Ordinal), timeout);

    /// <summary>SIGKILL: no cleanup, no last words — a power cut for the process.</summary>
    public void Kill() => Signal(SigKill);

    /// <summary>SIGTERM, then waits for a clean exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            Signal(SigTerm);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not stop within {timeout} after SIGTERM. Last output:{Environment.NewLine}{Tail(40)}");
        }

        return _process.ExitCode;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
    }

    public string Tail(int lines) => string.Join(Environment.NewLine, _lines.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (SysKill(_process.Id, signal) != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private string SafeExitCode() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";

    private void OnLine(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        var text = error ? "! " + line : line;
        List<TaskCompletionSource<string>> hit = [];
        lock (_gate)
        {
            _lines.Enqueue(text);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(text))
                {
                    hit.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in hit)
        {
            done.TrySetResult(text);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
