using System.Text.Json.Nodes;
using Thanhhoa.Iot.Edge.Commands.Host;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary><c>reboot</c>: asks the host (systemd) to reboot the machine; the result may arrive after the reboot.</summary>
internal sealed class RebootCommand(IHostControl host) : ICommandHandler
{
    public string Type => BuiltinCommandTypes.Reboot;

    public bool RestartsGateway => true;

    public async Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await host.RebootAsync(cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Succeeded(new JsonObject { ["requested"] = "reboot", ["via"] = host.Description });
    }
}
