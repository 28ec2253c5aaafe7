using System.Text.Json.Nodes;
using Thanhhoa.Iot.Edge.Commands.Host;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary><c>restart-service</c>: asks the host (systemd) to restart thgw; the result may arrive after the restart.</summary>
internal sealed class RestartServiceCommand(IHostControl host) : ICommandHandler
{
    public string Type => BuiltinCommandTypes.RestartService;

    public bool RestartsGateway => true;

    public async Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await host.RestartServiceAsync(cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Succeeded(new JsonObject { ["requested"] = "restart-service", ["via"] = host.Description });
    }
}
