using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// The power alarms active at one moment and the state they imply. Site down wins; without mains
/// (mains_fail or on_battery raised) a running generator means generator, else battery; a generator
/// running while mains is present (a test run) is still mains.
/// </summary>
internal sealed class PowerConditions
{
    /// <summary>The codes that decide a site's power state; the others are ignored here.</summary>
    private static readonly HashSet<string> Power = new(StringComparer.Ordinal)
    {
        AlarmCodes.MainsFail, AlarmCodes.OnBattery, AlarmCodes.GeneratorRunning, AlarmCodes.GeneratorFailedToStart, AlarmCodes.SiteDown,
    };

    private readonly HashSet<string> _active = new(StringComparer.Ordinal);

    public void Apply(LedgerEvent e)
    {
        if (!Power.Contains(e.Code))
        {
            return;
        }

        if (e.Action == EventAction.Raise)
        {
            _active.Add(e.Code);
        }
        else if (e.Action == EventAction.Clear)
        {
            _active.Remove(e.Code);
        }
    }

    public (PowerState State, string? Cause) Current()
    {
        var mainsLost = _active.Contains(AlarmCodes.MainsFail) || _active.Contains(AlarmCodes.OnBattery);
        var mainsCause = _active.Contains(AlarmCodes.MainsFail) ? AlarmCodes.MainsFail : AlarmCodes.OnBattery;
        if (_active.Contains(AlarmCodes.SiteDown))
        {
            var cause = _active.Contains(AlarmCodes.GeneratorFailedToStart) ? AlarmCodes.GeneratorFailedToStart
                : mainsLost ? mainsCause
                : AlarmCodes.SiteDown;
            return (PowerState.Down, cause);
        }

        if (!mainsLost)
        {
            return (PowerState.Mains, null);
        }

        return _active.Contains(AlarmCodes.GeneratorRunning) ? (PowerState.Generator, mainsCause) : (PowerState.Battery, mainsCause);
    }
}
