namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// The moment a rule is evaluated, on two clocks: <paramref name="Wall"/> stamps the event it raises, and
/// <paramref name="Monotonic"/> (time since the engine started, never set back or forward) times debounces
/// and start timeouts, so a clock step by NTP or a technician neither fires an alarm early nor holds it back.
/// </summary>
public readonly record struct RuleClock(DateTimeOffset Wall, TimeSpan Monotonic);
