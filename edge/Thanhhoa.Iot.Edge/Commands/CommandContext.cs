using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>What a handler gets: the command, typed access to its arguments, and when it started.</summary>
public sealed class CommandContext(DeviceCommand command, DateTimeOffset startedAt)
{
    public DeviceCommand Command { get; } = command;

    public CommandArguments Arguments { get; } = new(command.Arguments);

    public DateTimeOffset StartedAt { get; } = startedAt;
}
