using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Thanhhoa.Iot.TestSupport.Mosquitto;

/// <summary>Where Debian's mosquitto keeps its dynamic-security plugin, and how its JSON is initialised.</summary>
public static class DynamicSecurityPlugin
{
    /// <summary>The plugin of this machine's architecture (Debian multiarch path); missing fails in CI, ignores elsewhere.</summary>
    public static string Find()
    {
        var triplet = RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "aarch64-linux-gnu",
            Architecture.Arm => "arm-linux-gnueabihf",
            _ => "x86_64-linux-gnu",
        };
        var path = $"/usr/lib/{triplet}/mosquitto_dynamic_security.so";
        if (!File.Exists(path))
        {
            ExternalTool.Unavailable($"The mosquitto dynamic-security plugin is missing at {path}; install the Debian package 'mosquitto' (2.0 or later).");
        }

        return path;
    }

    /// <summary>Runs <c>mosquitto_ctrl dynsec init FILE USER PASSWORD</c>.</summary>
    public static async Task InitAsync(string mosquittoCtrl, string jsonFile, string adminUser, string adminPassword, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(mosquittoCtrl, ["dynsec", "init", jsonFile, adminUser, adminPassword])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {mosquittoCtrl}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(jsonFile))
        {
            throw new InvalidOperationException($"mosquitto_ctrl dynsec init failed ({process.ExitCode}): {await output.ConfigureAwait(false)} {await errors.ConfigureAwait(false)}");
        }
    }
}
