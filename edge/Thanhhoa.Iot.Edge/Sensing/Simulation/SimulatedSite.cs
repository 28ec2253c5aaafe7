namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// A BTS site that lives on simulated time: mains outages (scripted or random), a generator that
/// starts after a delay (or fails to), technician visits opening the door, a 48 V battery string
/// behind a load disconnect, the DC load, the cabinet climate and the AC energy meter on the mains
/// incomer. Driven only by a seed: the state moves on a fixed 10 s grid and at the planned events,
/// never at the times it happens to be read, so any reader (a 1 s ticker, a test jumping hours)
/// sees the same history. Thread-safe; time never runs backwards here.
/// </summary>
public sealed class SimulatedSite
{
    private const double RectifierEfficiency = 0.92;
    private const double PowerFactor = 0.95;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    /// <summary>After mains returns the transfer switch goes back, and the generator runs on unloaded to cool down.</summary>
    private static readonly TimeSpan GeneratorCoolDown = TimeSpan.FromMinutes(3);

    private readonly Lock _gate = new();
    private readonly SimulatedSiteOptions _options;
    private readonly Random _rng;
    private readonly SimulatedOutageSchedule _outages;
    private readonly SimulatedBattery _battery;
    private readonly SimulatedClimate _climate;
    private readonly DateTimeOffset _start;
    private DateTimeOffset _clock;
    private DateTimeOffset _nextDoorChange;
    private DateTimeOffset? _generatorStopsAt;
    private double _importKwh;

    public SimulatedSite(SimulatedSiteOptions options, DateTimeOffset start)
    {
        _options = options;
        _rng = new Random(SiteNoise.Scramble(options.Seed));
        HasGenerator = options.HasGenerator ?? false;
        _battery = new SimulatedBattery(options.BatteryCapacityAh ?? SeededCapacity(_rng));
        _start = start;
        _clock = start;
        _outages = new SimulatedOutageSchedule(options, _clock, _rng);
        _nextDoorChange = NextVisit(_clock);
        _climate = new SimulatedClimate(_clock);
        _importKwh = 1_000 + (_rng.NextDouble() * 9_000);
        ApplyEvents();
    }

    public bool HasGenerator { get; }

    /// <summary>Usable capacity of the battery string (configured or drawn from the seed).</summary>
    public double BatteryCapacityAh => _battery.CapacityAh;

    private bool MainsPresent { get; set; } = true;

    private bool GeneratorRunning { get; set; }

    private bool DoorOpen { get; set; }

    private bool Charging => MainsPresent || GeneratorRunning;

    /// <summary>Moves the site to <paramref name="now"/> (no-op for an earlier time) and returns what its sensors see.</summary>
    public SiteConditions AdvanceTo(DateTimeOffset now)
    {
        lock (_gate)
        {
            while (true)
            {
                var next = NextEvent();
                var grid = NextGridPoint();
                if (next <= _clock || next > grid)
                {
                    next = grid;
                }

                if (next > now)
                {
                    break;
                }

                Integrate(next - _clock);
                _clock = next;
                ApplyEvents();
            }

            return Snapshot(now > _clock ? now : _clock);
        }
    }

    private DateTimeOffset NextGridPoint() => _start + TimeSpan.FromTicks((((_clock - _start).Ticks / Step.Ticks) + 1) * Step.Ticks);

    /// <summary>The state as of the last grid point or event, read at <paramref name="at"/> (the noise is the reading's).</summary>
    private SiteConditions Snapshot(DateTimeOffset at)
    {
        var bus = BusVolts();
        var load = bus > 0 ? Math.Max(0, _options.LoadCurrentA + (0.3 * Noise(1, at))) : 0;
        var watts = MainsPresent ? InputWatts() * (1 + (0.01 * Noise(5, at))) : 0;
        var volts = MainsPresent ? 226 + (2.5 * Noise(3, at)) : 0;
        return new SiteConditions(
            at,
            MainsPresent,
            GeneratorRunning,
            DoorOpen,
            bus,
            load,
            BatteryCelsius: _climate.BatteryCelsius,
            CabinetCelsius: _climate.CabinetCelsius + (0.1 * Noise(2, at)),
            CabinetHumidityPercent: Math.Clamp(_climate.HumidityPercent + (0.5 * Noise(6, at)), 0, 100),
            PressurePascals: SimulatedClimate.PressurePascals(at) + (5 * Noise(7, at)),
            AcVolts: volts,
            AcAmps: MainsPresent ? watts / (volts * PowerFactor) : 0,
            AcWatts: watts,
            AcHertz: MainsPresent ? 50 + (0.04 * Noise(4, at)) : 0,
            AcImportKwh: _importKwh);
    }

    /// <summary>The load bus: the battery (or the rectifier charging it) until the LVD opens; then dead.</summary>
    private double BusVolts() => Charging || !_battery.Disconnected ? _battery.Volts : 0;

    /// <summary>What the site draws from the grid: the rectifier (load plus recharge) and the air conditioning.</summary>
    private double InputWatts()
    {
        var dc = _battery.Volts * (_options.LoadCurrentA + _battery.ChargingAmps(Charging));
        var cooling = 300 + (35 * Math.Max(0, SimulatedClimate.AmbientCelsius(_clock) - 22));
        return (dc / RectifierEfficiency) + cooling;
    }

    private DateTimeOffset NextEvent()
    {
        var next = _generatorStopsAt is { } stop ? Min(_nextDoorChange, stop) : _nextDoorChange;
        if (_outages.Current is { } outage)
        {
            next = Min(next, MainsPresent ? outage.Start : outage.End);
            if (!MainsPresent && GeneratorWillStart(outage) && !GeneratorRunning)
            {
                next = Min(next, outage.Start + _options.GeneratorStartDelay);
            }
        }

        return next;
    }

    private bool GeneratorWillStart(PlannedOutage outage) => HasGenerator && !outage.GeneratorFails;

    private void ApplyEvents()
    {
        if (_outages.Current is { } outage)
        {
            if (MainsPresent && _clock >= outage.Start && _clock < outage.End)
            {
                MainsPresent = false;
                _generatorStopsAt = null; // still cooling down from the last outage: it takes the load again
            }

            if (!MainsPresent && GeneratorWillStart(outage) && _clock >= outage.Start + _options.GeneratorStartDelay)
            {
                GeneratorRunning = true;
            }

            if (_clock >= outage.End)
            {
                MainsPresent = true;
                _generatorStopsAt = GeneratorRunning ? _clock + GeneratorCoolDown : null;
                _outages.MoveNext();
            }
        }

        if (_clock >= _generatorStopsAt)
        {
            GeneratorRunning = false;
            _generatorStopsAt = null;
        }

        if (_clock >= _nextDoorChange)
        {
            DoorOpen = !DoorOpen;
            _nextDoorChange = DoorOpen ? _clock + _options.VisitDuration : NextVisit(_clock);
        }
    }

    private void Integrate(TimeSpan dt)
    {
        if (dt <= TimeSpan.Zero)
        {
            return;
        }

        if (MainsPresent)
        {
            _importKwh += InputWatts() * dt.TotalHours / 1_000;
        }

        double batteryWarming;
        if (Charging)
        {
            batteryWarming = _battery.ChargingAmps(charging: true) > 0 ? 1.5 : 0.5;
            _battery.Charge(dt);
        }
        else
        {
            batteryWarming = _battery.Disconnected ? 0 : 3;
            _battery.Discharge(dt, _options.LoadCurrentA);
        }

        _climate.Integrate(dt, _clock, cooled: Charging, batteryWarming);
    }

    private DateTimeOffset NextVisit(DateTimeOffset from) => _options.MeanTimeBetweenVisits <= TimeSpan.Zero
        ? DateTimeOffset.MaxValue
        : from + (_options.MeanTimeBetweenVisits * -Math.Log(1 - _rng.NextDouble()));

    /// <summary>Most strings hold 100–200 Ah; one in five is aged and holds 8–20 Ah (those are the sites that go down).</summary>
    private static double SeededCapacity(Random rng) => rng.NextDouble() < 0.2 ? 8 + (12 * rng.NextDouble()) : 100 + (100 * rng.NextDouble());

    private double Noise(int salt, DateTimeOffset at) => SiteNoise.At(_options.Seed, salt, at);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
