using System.Text.Json.Nodes;
using Thanhhoa.Iot.Edge.Commands.Interlocks;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary>
/// <c>set-output</c> (<c>args.output</c>, <c>args.on</c>): switches an output declared in the site profile,
/// after the profile's interlocks allowed it. A refused interlock fails the command with its reason and
/// leaves the output untouched.
/// </summary>
internal sealed class SetOutputCommand(IEnumerable<IOutputChannel> outputs, InterlockGuard interlocks) : ICommandHandler
{
    private readonly IReadOnlyList<IOutputChannel> _outputs = outputs.ToList();

    public string Type => BuiltinCommandTypes.SetOutput;

    public async Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.Arguments.RequiredString("output", "the id of a gpio-out channel of the site profile");
        var on = context.Arguments.RequiredBool("on", "true to switch the output on, false to release it");
        var output = _outputs.FirstOrDefault(o => o.Id == id) ?? throw new CommandRefusedException(CommandErrors.InvalidArgs,
            $"no output '{id}' on this gateway; {(_outputs.Count == 0 ? "its profile declares none" : $"it has {string.Join(", ", _outputs.Select(o => o.Id))}")}");

        if (await interlocks.CheckAsync(id, on, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw new CommandRefusedException(CommandErrors.Interlock, refusal);
        }

        var previous = output.IsOn;
        try
        {
            await output.SetAsync(on, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CommandRefusedException(CommandErrors.OutputFault, $"output '{id}' could not be written: {ex.Message}");
        }

        return CommandOutcome.Succeeded(new JsonObject { ["output"] = id, ["on"] = on, ["previous"] = previous });
    }
}
