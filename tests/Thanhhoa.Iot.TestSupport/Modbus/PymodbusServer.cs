using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Thanhhoa.Iot.TestSupport.Modbus;

/// <summary>
/// A pymodbus 3.0 RTU slave (Modbus/modbus_rtu_server.py, run by Debian's /usr/bin/python3) on one
/// end of a serial line. Holds float32 input registers and a block of holding registers.
/// </summary>
public sealed class PymodbusServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private PymodbusServer(Process process, StringBuilder log)
    {
        _process = process;
        _log = log;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Fails (CI) or ignores the test unless /usr/bin/python3 can import pymodbus.</summary>
    public static void RequireAvailable()
    {
        ExternalTool.Require(Python, "python3");
        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import pymodbus.server, serial_asyncio"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        if (probe.ExitCode != 0)
        {
            ExternalTool.Unavailable($"{Python} cannot import pymodbus ({error.Trim()}); install the Debian package 'python3-pymodbus'.");
        }
    }

    /// <summary>Starts the slave on <paramref name="port"/> and waits until it has opened it.</summary>
    public static async Task<PymodbusServer> StartAsync(string port, byte slave, IReadOnlyDictionary<int, float> inputFloats, int baudRate = 9600)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Modbus", "modbus_rtu_server.py");
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var arg in new[] { "--port", port, "--baud", baudRate.ToString(CultureInfo.InvariantCulture), "--slave", slave.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (address, value) in inputFloats)
        {
            info.ArgumentList.Add("--float");
            info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"{address}={value:R}"));
        }

        var log = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, log, ready);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, log, ready);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PymodbusServer(process, log);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync() => new(ProcessStopper.StopAsync(_process));

    private static void OnLine(string? line, StringBuilder log, TaskCompletionSource ready)
    {
        if (line is null)
        {
            ready.TrySetException(new InvalidOperationException($"the pymodbus server exited before it was ready: {log}"));
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }

        if (line.Contains("modbus-server ready", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
