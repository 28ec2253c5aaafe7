using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Commands.Host;

/// <summary>
/// Restarts through systemd by running Commands:RestartServiceCommand / Commands:RebootCommand
/// (<c>systemctl --no-block ...</c>: the job is queued and systemctl returns at once, so stopping this
/// service cannot kill systemctl half way).
/// </summary>
public sealed class SystemdHostControl(IOptions<CommandOptions> options) : IHostControl
{
    public string Description => "systemd";

    public Task RestartServiceAsync(CancellationToken cancellationToken) => RunAsync(options.Value.RestartServiceCommand, cancellationToken);

    public Task RebootAsync(CancellationToken cancellationToken) => RunAsync(options.Value.RebootCommand, cancellationToken);

    private static async Task RunAsync(string commandLine, CancellationToken cancellationToken)
    {
        var parts = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in parts.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new CommandRefusedException(CommandErrors.Unavailable, $"'{commandLine}' could not be started");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new CommandRefusedException(CommandErrors.Error,
                $"'{commandLine}' exited with {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}. Check that thgw may run it (polkit or sudoers).");
        }
    }
}
