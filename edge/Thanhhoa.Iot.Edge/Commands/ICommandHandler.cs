namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>
/// One command type. Register more with <c>services.AddSingleton&lt;ICommandHandler, T&gt;()</c>. A handler
/// throws <see cref="CommandRefusedException"/> to fail with an error code; any other exception fails
/// the command with <c>error</c>. It runs at most once per command id, one command at a time.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The command type it runs, e.g. <c>set-output</c>.</summary>
    string Type { get; }

    /// <summary>
    /// True for commands whose success ends this process (restart-service, reboot): found still running
    /// after a restart, they are reported succeeded instead of interrupted.
    /// </summary>
    bool RestartsGateway => false;

    Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
