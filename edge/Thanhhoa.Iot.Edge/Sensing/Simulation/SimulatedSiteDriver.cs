using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// The simulated site as one more driver set: moves the <see cref="FakeSiteHardware"/> under the
/// profile's real drivers (GPIO pins, INA219 and BME280 registers, the DS18B20's w1_slave file,
/// the meter's input registers) to what the <see cref="SimulatedSite"/> says. So the demo exercises
/// the real drivers, health checks, report by exception, alarm rules and outbox.
/// </summary>
public sealed class SimulatedSiteDriver
{
    private readonly SimulatedSite _site;
    private readonly FakeSiteHardware _hardware;
    private readonly IReadOnlyList<ISimulatedWire> _wires;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private bool _failing;

    public SimulatedSiteDriver(SimulatedSite site, FakeSiteHardware hardware, SiteProfileOptions profile, ILogger<SimulatedSiteDriver> logger)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _site = site;
        _hardware = hardware;
        _wires = SimulatedSiteWiring.From(profile);
        _logger = logger;
    }

    /// <summary>What the hardware was last moved to.</summary>
    public SiteConditions? Last { get; private set; }

    /// <summary>Advances the model to <paramref name="now"/> and puts its conditions on the hardware.</summary>
    public void Apply(DateTimeOffset now)
    {
        lock (_lock)
        {
            var conditions = _site.AdvanceTo(now);
            foreach (var wire in _wires)
            {
                wire.Apply(conditions, _hardware);
            }

            Last = conditions;
        }
    }

    /// <summary>Like <see cref="Apply"/>, but a failing part (a full temp disk under the w1 files) is logged once, not thrown.</summary>
    public void TryApply(DateTimeOffset now)
    {
        try
        {
            Apply(now);
            if (_failing)
            {
                _failing = false;
                SimulationLog.DriverRecovered(_logger);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_failing)
            {
                _failing = true;
                SimulationLog.DriverFailed(_logger, ex);
            }
        }
    }
}
