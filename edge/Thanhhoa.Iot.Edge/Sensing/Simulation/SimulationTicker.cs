using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// One timer for every simulated site in the process: a fleet of hundreds of gateways shares it
/// instead of each keeping its own. On each tick every registered driver moves its fake hardware to
/// the current time. A tick that finds the previous one still running is skipped, not stacked.
/// </summary>
public sealed class SimulationTicker : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private SimulatedSiteDriver[] _drivers = [];
    private int _busy;

    public SimulationTicker(TimeProvider time, TimeSpan interval, ILogger<SimulationTicker> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _time = time;
        _logger = logger;
        Interval = interval;
        _timer = time.CreateTimer(_ => Tick(), null, interval, interval);
    }

    public TimeSpan Interval { get; }

    /// <summary>Drivers currently moved on each tick.</summary>
    public int Count => Volatile.Read(ref _drivers).Length;

    /// <summary>Moves <paramref name="driver"/> on every tick until the returned registration is disposed.</summary>
    public IDisposable Add(SimulatedSiteDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        lock (_lock)
        {
            _drivers = [.. _drivers, driver];
        }

        return new Registration(this, driver);
    }

    public void Dispose() => _timer.Dispose();

    private void Remove(SimulatedSiteDriver driver)
    {
        lock (_lock)
        {
            _drivers = [.. _drivers.Where(d => d != driver)];
        }
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            SimulationLog.TickOverran(_logger, Interval);
            return;
        }

        try
        {
            var now = _time.GetUtcNow();
            foreach (var driver in Volatile.Read(ref _drivers))
            {
                driver.TryApply(now);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private sealed class Registration(SimulationTicker ticker, SimulatedSiteDriver driver) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ticker.Remove(driver);
            }
        }
    }
}
