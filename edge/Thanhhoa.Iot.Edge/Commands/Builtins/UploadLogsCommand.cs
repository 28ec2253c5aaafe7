using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Commands.Logging;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary>
/// <c>upload-logs</c> (<c>args.lines</c>, <c>args.level</c>): the newest log lines from the in-memory ring
/// buffer, oldest first, cut so the result fits into one message (Commands:MaxResultBytes).
/// </summary>
internal sealed class UploadLogsCommand(RingBufferLoggerProvider logs, IOptions<CommandOptions> options) : ICommandHandler
{
    private const int EnvelopeBytes = 512;

    public string Type => BuiltinCommandTypes.UploadLogs;

    public Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var max = options.Value.LogBufferLines;
        var lines = context.Arguments.OptionalInt("lines", Math.Min(200, max), 1, max);
        var levelText = context.Arguments.OptionalString("level", "the lowest level to include: trace, debug, information, warning, error or critical") ?? "information";
        if (!Enum.TryParse<LogLevel>(levelText, ignoreCase: true, out var level) || level == LogLevel.None)
        {
            throw new CommandRefusedException(CommandErrors.InvalidArgs, $"args.level '{levelText}' is not a log level; use trace, debug, information, warning, error or critical");
        }

        var recent = logs.Recent(lines, level);
        var budget = options.Value.MaxResultBytes - EnvelopeBytes;
        var kept = new List<string>();
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            var text = recent[i].ToString();
            budget -= Encoding.UTF8.GetByteCount(text) + 16; // quotes, comma, escapes
            if (budget < 0)
            {
                break;
            }

            kept.Add(text);
        }

        kept.Reverse();
        var array = new JsonArray();
        kept.ForEach(line => array.Add(line));
        return Task.FromResult(CommandOutcome.Succeeded(new JsonObject
        {
            ["lines"] = array,
            ["truncated"] = kept.Count < recent.Count,
            ["written"] = logs.Written,
        }));
    }
}
