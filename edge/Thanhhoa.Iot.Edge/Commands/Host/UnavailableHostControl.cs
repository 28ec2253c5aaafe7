namespace Thanhhoa.Iot.Edge.Commands.Host;

/// <summary>Refuses restart and reboot: the gateway does not run under systemd (or Commands:HostControl is none).</summary>
public sealed class UnavailableHostControl(string why) : IHostControl
{
    public string Description => "none";

    public Task RestartServiceAsync(CancellationToken cancellationToken) => throw Refused("restart the service");

    public Task RebootAsync(CancellationToken cancellationToken) => throw Refused("reboot");

    private CommandRefusedException Refused(string what) =>
        new(CommandErrors.Unavailable, $"this gateway cannot {what}: {why}. Do it on site, or set Commands:HostControl=systemd where systemd runs thgw.");
}
