using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Codec.Cbor;

/// <summary>The small integers the CBOR encoding uses for enums (fixed by the CDDL, not by C# member order).</summary>
internal static class CborEnums
{
    public static int FromQuality(Quality q) => q switch
    {
        Quality.Good => 0,
        Quality.Uncertain => 1,
        Quality.Bad => 2,
        _ => throw Undefined(q),
    };

    public static Quality ToQuality(ulong code, string at) => code switch
    {
        0 => Quality.Good,
        1 => Quality.Uncertain,
        2 => Quality.Bad,
        _ => throw Unknown(code, at, "quality: 0 good, 1 uncertain, 2 bad"),
    };

    public static int FromTimeQuality(TimeQuality q) => q switch
    {
        TimeQuality.Synced => 0,
        TimeQuality.Unsynced => 1,
        _ => throw Undefined(q),
    };

    public static TimeQuality ToTimeQuality(ulong code, string at) => code switch
    {
        0 => TimeQuality.Synced,
        1 => TimeQuality.Unsynced,
        _ => throw Unknown(code, at, "time quality: 0 synced, 1 unsynced"),
    };

    public static int FromAction(EventAction a) => a switch
    {
        EventAction.Raise => 0,
        EventAction.Clear => 1,
        EventAction.Info => 2,
        _ => throw Undefined(a),
    };

    public static EventAction ToAction(ulong code, string at) => code switch
    {
        0 => EventAction.Raise,
        1 => EventAction.Clear,
        2 => EventAction.Info,
        _ => throw Unknown(code, at, "action: 0 raise, 1 clear, 2 info"),
    };

    public static int FromSeverity(Severity s) => s switch
    {
        Severity.Info => 0,
        Severity.Warning => 1,
        Severity.Major => 2,
        Severity.Critical => 3,
        _ => throw Undefined(s),
    };

    public static Severity ToSeverity(ulong code, string at) => code switch
    {
        0 => Severity.Info,
        1 => Severity.Warning,
        2 => Severity.Major,
        3 => Severity.Critical,
        _ => throw Unknown(code, at, "severity: 0 info, 1 warning, 2 major, 3 critical"),
    };

    private static ArgumentOutOfRangeException Undefined<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"'{value}' is not a defined {typeof(T).Name}.");

    private static ContractViolationException Unknown(ulong code, string at, string legal) =>
        new(RejectReason.InvalidValue, at, $"{code} is not a defined {legal}");
}
