using System.Diagnostics;

namespace Thanhhoa.Iot.TestSupport.Serial;

/// <summary>
/// A real pseudo-terminal pair joined by socat: bytes written to <see cref="PathA"/> come out of
/// <see cref="PathB"/> and back. Ready only once socat reports "starting data transfer loop".
/// </summary>
public sealed class SocatPtyPair : IAsyncDisposable
{
    private readonly Process _process;

    private SocatPtyPair(Process process, string pathA, string pathB)
    {
        _process = process;
        PathA = pathA;
        PathB = pathB;
    }

    public string PathA { get; }

    public string PathB { get; }

    /// <summary>Starts socat with both links in <paramref name="directory"/>; fails (CI) or ignores the test when socat is missing.</summary>
    public static async Task<SocatPtyPair> StartAsync(string directory, TimeSpan? readyTimeout = null)
    {
        var socat = ExternalTool.Require("socat", "socat");
        var pathA = Path.Combine(directory, "ttyA");
        var pathB = Path.Combine(directory, "ttyB");
        var info = new ProcessStartInfo(socat) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={pathA}", $"pty,raw,echo=0,link={pathB}" })
        {
            info.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException($"socat exited before it was ready: {log}"));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        var pair = new SocatPtyPair(process, pathA, pathB);
        try
        {
            await ready.Task.WaitAsync(readyTimeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessStopper.StopAsync(_process).ConfigureAwait(false);
    }
}
