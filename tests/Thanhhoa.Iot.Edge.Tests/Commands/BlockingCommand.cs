using Thanhhoa.Iot.Edge.Commands;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>
/// A test command type: counts how often it really ran (across gateway instances when the counter is
/// shared), and, when <see cref="Block"/> is set, signals <see cref="Started"/> and waits until cancelled.
/// </summary>
internal sealed class BlockingCommand(ExecutionCounter counter, bool block = false, string type = BlockingCommand.TypeName) : ICommandHandler
{
    public const string TypeName = "test-count";

    public string Type { get; } = type;

    public bool Block { get; } = block;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        counter.Add(context.Command.Id);
        Started.TrySetResult();
        if (Block)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return CommandOutcome.Succeeded();
    }
}
