using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Edge.Configuration;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary>
/// <c>get-config</c>: what is in force on the gateway: identity, the applied desired configuration
/// (version and settings), and the effective poll interval and state of every channel and output.
/// </summary>
internal sealed class GetConfigCommand(
    AppliedConfiguration applied,
    IOptions<GatewayOptions> gateway,
    IEnumerable<ISensorChannel> channels,
    IEnumerable<IOutputChannel> outputs) : ICommandHandler
{
    public string Type => BuiltinCommandTypes.GetConfig;

    public Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var current = applied.Current;
        var g = gateway.Value;
        var result = new JsonObject
        {
            ["deviceId"] = g.DeviceId,
            ["site"] = g.Site,
            ["firmware"] = g.Firmware,
            ["appliedVersion"] = current.Version,
            ["settings"] = current.Document is { } doc
                ? JsonNode.Parse(JsonSerializer.Serialize(doc.Settings, ContractJsonContext.Default.ConfigSettings))
                : null,
            ["uploadSeconds"] = (long)applied.TelemetryInterval.TotalSeconds,
            ["channels"] = new JsonArray(channels.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["unit"] = c.Unit,
                ["enabled"] = applied.IsEnabled(c.Id),
                ["pollSeconds"] = (applied.IntervalOf(c.Id) ?? c.PollInterval).TotalSeconds,
            }).ToArray()),
            ["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["on"] = o.IsOn }).ToArray()),
        };
        return Task.FromResult(CommandOutcome.Succeeded(result));
    }
}
