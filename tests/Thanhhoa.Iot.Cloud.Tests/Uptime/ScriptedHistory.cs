using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

/// <summary>
/// One day of a BTS site, hand-scripted (times are hours after <see cref="Day"/>, UTC):
/// 02:00 mains fails (battery), 02:10 generator starts, 03:00 generator stops (battery sags),
/// 04:00 site down, 04:30 mains back; 06:00 link lost, the gateway buffers readings every minute until
/// 06:40 and a mains failure at 06:30, reconnects 08:00 and uploads them late; 08:30 mains back;
/// 20:00 link lost for good. The events are listed in arrival order, so the buffered ones come last.
/// </summary>
internal static class ScriptedHistory
{
    public static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(2);

    public static DateTimeOffset At(double hours) => Day.AddHours(hours);

    public static DateTimeOffset At(int hours, int minutes) => Day.AddHours(hours).AddMinutes(minutes);

    public static LedgerInput Input()
    {
        long seq = 0;
        LedgerEvent E(DateTimeOffset at, string code, EventAction action) => new(at, ++seq, code, action);
        var events = new List<LedgerEvent>
        {
            E(At(2, 0), AlarmCodes.MainsFail, EventAction.Raise),
            E(At(2, 0), AlarmCodes.OnBattery, EventAction.Raise),
            E(At(2, 10), AlarmCodes.GeneratorRunning, EventAction.Raise),
            E(At(3, 0), AlarmCodes.GeneratorRunning, EventAction.Clear),
            E(At(3, 40), AlarmCodes.BatteryLow, EventAction.Raise),
            E(At(4, 0), AlarmCodes.SiteDown, EventAction.Raise),
            E(At(4, 30), AlarmCodes.MainsFail, EventAction.Clear),
            E(At(4, 30), AlarmCodes.OnBattery, EventAction.Clear),
            E(At(4, 30), AlarmCodes.SiteDown, EventAction.Clear),
            E(At(4, 30), AlarmCodes.BatteryLow, EventAction.Clear),
            E(At(5, 0), AlarmCodes.DoorOpen, EventAction.Raise),
            E(At(8, 30), AlarmCodes.MainsFail, EventAction.Clear),
            E(At(8, 30), AlarmCodes.OnBattery, EventAction.Clear),
        };

        // Buffered while the link was down; their sequence numbers are older, they arrive after 08:00.
        events.Add(new LedgerEvent(At(6, 30), 100, AlarmCodes.MainsFail, EventAction.Raise));
        events.Add(new LedgerEvent(At(6, 30), 101, AlarmCodes.OnBattery, EventAction.Raise));

        var links = new List<LinkChange>
        {
            new(Day.AddHours(-1), true),
            new(At(6, 0), false),
            new(At(8, 0), true),
            new(At(20, 0), false),
        };
        var observations = Enumerable.Range(1, 40).Select(m => ObservedSpan.At(At(6, m))).ToList();
        return new LedgerInput(events, links, observations);
    }

    /// <summary>The intervals worked out by hand from the script above, over the whole day.</summary>
    public static IReadOnlyList<PowerInterval> ExpectedDay() =>
    [
        new(At(0, 0), At(2, 0), PowerState.Mains, null),
        new(At(2, 0), At(2, 10), PowerState.Battery, AlarmCodes.MainsFail),
        new(At(2, 10), At(3, 0), PowerState.Generator, AlarmCodes.MainsFail),
        new(At(3, 0), At(4, 0), PowerState.Battery, AlarmCodes.MainsFail),
        new(At(4, 0), At(4, 30), PowerState.Down, AlarmCodes.MainsFail),
        new(At(4, 30), At(6, 30), PowerState.Mains, null),
        new(At(6, 30), At(6, 40), PowerState.Battery, AlarmCodes.MainsFail),
        new(At(6, 40), At(8, 0), PowerState.Unknown, null),
        new(At(8, 0), At(8, 30), PowerState.Battery, AlarmCodes.MainsFail),
        new(At(8, 30), At(20, 0), PowerState.Mains, null),
        new(At(20, 0), At(24, 0), PowerState.Unknown, null),
    ];
}
