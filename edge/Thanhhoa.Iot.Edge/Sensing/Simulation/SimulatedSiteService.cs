using Microsoft.Extensions.Hosting;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// Puts the gateway's simulated site on the shared ticker while the gateway runs. On start it moves
/// the hardware once at once, so the first poll already reads the model, not the seeded values.
/// </summary>
internal sealed class SimulatedSiteService(SimulationTicker ticker, SimulatedSiteDriver driver, TimeProvider time) : IHostedService
{
    private IDisposable? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        driver.Apply(time.GetUtcNow());
        _registration = ticker.Add(driver);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        _registration = null;
        return Task.CompletedTask;
    }
}
