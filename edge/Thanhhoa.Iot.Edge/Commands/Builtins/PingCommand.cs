using System.Text.Json.Nodes;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary><c>ping</c>: answers with the gateway's clock and how long this process has run.</summary>
internal sealed class PingCommand(TimeProvider time) : ICommandHandler
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public string Type => BuiltinCommandTypes.Ping;

    public Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Task.FromResult(CommandOutcome.Succeeded(new JsonObject
        {
            ["pong"] = true,
            ["clock"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["uptimeSeconds"] = (long)(now - _started).TotalSeconds,
        }));
    }
}
