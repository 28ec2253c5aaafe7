namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Told of every change of a command's state (metrics; tests wait on it). The store applies changes in
/// order, but notifications of one command may arrive out of order (e.g. "delivered" after "succeeded").
/// </summary>
public interface ICommandObserver
{
    /// <summary><paramref name="before"/> is null for a new command.</summary>
    void Changed(CommandRecord? before, CommandRecord after);
}
