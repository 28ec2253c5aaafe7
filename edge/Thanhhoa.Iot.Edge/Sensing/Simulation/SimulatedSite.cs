namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// A BTS site that lives on simulated time: mains outages (scripted or random), a generator that
/// starts after a delay on sites that have one, technician visits opening the door, a 48 V battery
/// string, the DC load and the cabinet temperature. Driven only by a TimeProvider and a seed, so a
/// FakeTimeProvider replays it exactly. Thread-safe: channels may be read concurrently.
/// </summary>
public sealed class SimulatedSite
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly SimulatedSiteOptions _options;
    private readonly int _seed;
    private readonly Random _rng;
    private readonly SimulatedOutageSchedule _outages;
    private readonly SimulatedBattery _battery;
    private DateTimeOffset _clock;
    private DateTimeOffset _nextDoorChange;
    private double _cabinetCelsius;

    public SimulatedSite(SimulatedSiteOptions options, TimeProvider time)
    {
        _options = options;
        _seed = options.Seed;
        _rng = new Random(options.Seed);
        HasGenerator = options.HasGenerator ?? _rng.NextDouble() < 0.4;
        _clock = time.GetUtcNow();
        _outages = new SimulatedOutageSchedule(options, _clock, _rng);
        _battery = new SimulatedBattery(options.BatteryCapacityAh);
        _nextDoorChange = NextVisit(_clock);
        _cabinetCelsius = CabinetTarget(_clock);
        ApplyEvents();
    }

    public bool HasGenerator { get; }

    public bool MainsPresent { get; private set; } = true;

    public bool GeneratorRunning { get; private set; }

    public bool DoorOpen { get; private set; }

    /// <summary>The value of <paramref name="signal"/> at <paramref name="now"/> (time never runs backwards here).</summary>
    public double Read(SimulatedSignal signal, DateTimeOffset now)
    {
        lock (_gate)
        {
            AdvanceTo(now);
            return signal switch
            {
                SimulatedSignal.Mains => MainsPresent ? 1 : 0,
                SimulatedSignal.Generator => GeneratorRunning ? 1 : 0,
                SimulatedSignal.Door => DoorOpen ? 1 : 0,
                SimulatedSignal.BatteryVoltage => Math.Round(_battery.Volts, 2),
                SimulatedSignal.LoadCurrent => LoadAmps() > 0 ? Math.Round(LoadAmps() + (0.3 * Noise(1)), 2) : 0,
                SimulatedSignal.CabinetTemperature => Math.Round(_cabinetCelsius + (0.1 * Noise(2)), 2),
                _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Unknown simulated signal."),
            };
        }
    }

    private bool Charging => MainsPresent || GeneratorRunning;

    private void AdvanceTo(DateTimeOffset now)
    {
        while (_clock < now)
        {
            var next = Min(now, _clock + MaxStep, NextEvent());
            if (next <= _clock)
            {
                next = Min(now, _clock + TimeSpan.FromMilliseconds(1));
            }

            Integrate(next - _clock);
            _clock = next;
            ApplyEvents();
        }
    }

    private DateTimeOffset NextEvent()
    {
        var next = _nextDoorChange;
        if (_outages.Current is { } outage)
        {
            next = Min(next, MainsPresent ? outage.Start : outage.End);
            if (!MainsPresent && HasGenerator && !GeneratorRunning)
            {
                next = Min(next, outage.Start + _options.GeneratorStartDelay);
            }
        }

        return next;
    }

    private void ApplyEvents()
    {
        if (_outages.Current is { } outage)
        {
            if (MainsPresent && _clock >= outage.Start && _clock < outage.End)
            {
                MainsPresent = false;
            }

            if (!MainsPresent && HasGenerator && _clock >= outage.Start + _options.GeneratorStartDelay)
            {
                GeneratorRunning = true;
            }

            if (_clock >= outage.End)
            {
                MainsPresent = true;
                GeneratorRunning = false;
                _outages.MoveNext();
            }
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

        if (Charging)
        {
            _battery.Charge(dt);
        }
        else
        {
            _battery.Discharge(dt, _options.LoadCurrentA);
        }

        var tau = TimeSpan.FromMinutes(40);
        _cabinetCelsius += (CabinetTarget(_clock) - _cabinetCelsius) * (1 - Math.Exp(-dt.TotalSeconds / tau.TotalSeconds));
    }

    private double LoadAmps() => !Charging && _battery.Disconnected ? 0 : _options.LoadCurrentA;

    /// <summary>Air-conditioned on mains or generator; on battery the cooling is shed and the cabinet warms.</summary>
    private double CabinetTarget(DateTimeOffset at)
    {
        var localHour = (at.UtcDateTime.TimeOfDay.TotalHours + 7) % 24; // Indochina time, no DST
        var ambient = 28 + (5 * Math.Sin(2 * Math.PI * (localHour - 9) / 24));
        return Charging ? 24 + (0.2 * (ambient - 24)) : ambient + 8;
    }

    private DateTimeOffset NextVisit(DateTimeOffset from) => _options.MeanTimeBetweenVisits <= TimeSpan.Zero
        ? DateTimeOffset.MaxValue
        : from + (_options.MeanTimeBetweenVisits * -Math.Log(1 - _rng.NextDouble()));

    /// <summary>Sensor noise in [-1, 1] that depends on seed, signal and the second only (not on read order).</summary>
    private double Noise(int salt)
    {
        var x = unchecked((ulong)_seed * 0x9E3779B97F4A7C15UL ^ (ulong)salt * 0xBF58476D1CE4E5B9UL ^ (ulong)_clock.ToUnixTimeSeconds());
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return ((x >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) => Min(Min(a, b), c);
}
