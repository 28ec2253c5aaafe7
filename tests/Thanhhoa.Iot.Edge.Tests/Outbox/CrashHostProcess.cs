using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>
/// One run of Thanhhoa.Iot.Edge.CrashHost (copied to bin/.../crashhost/ by the test project's build):
/// reads the sequence numbers it reports as stored, line by line, and can be killed with SIGKILL.
/// </summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;

    private CrashHostProcess(Process process) => _process = process;

    public static string HostPath => Path.Combine(AppContext.BaseDirectory, "crashhost", "Thanhhoa.Iot.Edge.CrashHost.dll");

    public static CrashHostProcess Start(string dataDirectory)
    {
        if (!File.Exists(HostPath))
        {
            Assert.Fail($"'{HostPath}' is missing; build tests/Thanhhoa.Iot.Edge.Tests (its CopyCrashHost target builds and copies the crash host).");
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(HostPath);
        info.ArgumentList.Add(dataDirectory);
        return new CrashHostProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dotnet} exec {HostPath}."));
    }

    /// <summary>The "open N" line: the outbox's last sequence at start.</summary>
    public async Task<long> ReadOpenAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        Assert.That(line, Does.StartWith("open "), "the crash host's first line");
        return long.Parse(line["open ".Length..], CultureInfo.InvariantCulture);
    }

    public async Task<long> ReadSequenceAsync(CancellationToken cancellationToken) =>
        long.Parse(await ReadLineAsync(cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>SIGKILL on Linux: no finally blocks, no dispose, no checkpoint.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            var error = await _process.StandardError.ReadToEndAsync(cancellationToken);
            Assert.Fail($"The crash host ended early (exit {(_process.HasExited ? _process.ExitCode : -1)}): {error}");
        }

        return line!;
    }
}
