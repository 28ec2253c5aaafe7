using Thanhhoa.Iot.Edge.Commands;

namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>A command type for the test (<c>test-count</c>): records every time the gateway really ran it.</summary>
public sealed class CountingCommand : ICommandHandler
{
    private readonly List<string> _runs = [];

    public string Type => "test-count";

    public IReadOnlyList<string> Runs
    {
        get
        {
            lock (_runs)
            {
                return _runs.ToList();
            }
        }
    }

    public Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        lock (_runs)
        {
            _runs.Add(context.Command.Id);
        }

        return Task.FromResult(CommandOutcome.Succeeded());
    }
}
