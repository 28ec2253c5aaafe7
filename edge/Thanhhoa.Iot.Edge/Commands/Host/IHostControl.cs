namespace Thanhhoa.Iot.Edge.Commands.Host;

/// <summary>
/// Restarts the gateway service or the whole machine. systemd in production; a recording fake in
/// tests, so no test ever reboots the machine it runs on.
/// </summary>
public interface IHostControl
{
    /// <summary>For logs and results, e.g. <c>systemd</c>.</summary>
    string Description { get; }

    /// <summary>Asks for the gateway service to restart; returns once the request is accepted (the restart follows).</summary>
    Task RestartServiceAsync(CancellationToken cancellationToken);

    /// <summary>Asks for the machine to reboot; returns once the request is accepted.</summary>
    Task RebootAsync(CancellationToken cancellationToken);
}
