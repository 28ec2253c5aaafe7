namespace Thanhhoa.Iot.Edge.Commands.Host;

/// <summary>For simulated gateways and tests: records what was asked and changes nothing.</summary>
public sealed class SimulatedHostControl : IHostControl
{
    private int _restarts;
    private int _reboots;

    public string Description => "simulated";

    public int Restarts => Volatile.Read(ref _restarts);

    public int Reboots => Volatile.Read(ref _reboots);

    public Task RestartServiceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _restarts);
        return Task.CompletedTask;
    }

    public Task RebootAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reboots);
        return Task.CompletedTask;
    }
}
