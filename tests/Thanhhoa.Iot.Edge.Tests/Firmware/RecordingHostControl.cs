using Thanhhoa.Iot.Edge.Commands.Host;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

/// <summary>Counts restart requests instead of restarting anything.</summary>
internal sealed class RecordingHostControl : IHostControl
{
    private int _restarts;

    public string Description => "recording";

    public int Restarts => _restarts;

    public Task RestartServiceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _restarts);
        return Task.CompletedTask;
    }

    public Task RebootAsync(CancellationToken cancellationToken) => throw new NotSupportedException("firmware rollout never reboots");
}
