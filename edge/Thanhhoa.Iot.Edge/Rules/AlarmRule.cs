using System.Globalization;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Shared machinery of the rules: debounce, and events that carry the values that triggered them.</summary>
public abstract class AlarmRule : IAlarmRule
{
    private readonly DebouncedCondition _condition;
    private readonly Severity _severity;

    protected AlarmRule(string code, Severity severity, string? channel, TimeSpan raiseAfter, TimeSpan clearAfter)
    {
        Code = code;
        Channel = channel;
        _severity = severity;
        _condition = new DebouncedCondition(raiseAfter, clearAfter);
    }

    public string Code { get; }

    public string? Channel { get; }

    public bool IsActive => _condition.IsActive;

    public TimeSpan? NextDeadline => _condition.NextDeadline;

    /// <summary>Channels whose values go into the events.</summary>
    protected abstract IReadOnlyList<string> Inputs { get; }

    public EventDraft? Evaluate(SiteState state, RuleClock now)
    {
        var changed = _condition.Update(Condition(state), now.Monotonic);
        if (changed is null)
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (state.Value(input) is { } value)
            {
                values[input] = value;
            }
        }

        var action = changed.Value ? EventAction.Raise : EventAction.Clear;
        return new EventDraft(now.Wall, Code, action, _severity, Channel, Describe(changed.Value, values), values);
    }

    /// <summary>True: raise condition holds; false: clear condition holds; null: neither (hysteresis band, no data yet).</summary>
    protected abstract bool? Condition(SiteState state);

    private string Describe(bool raised, Dictionary<string, double> values)
    {
        var shown = string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value:0.###}")));
        return $"{Code} {(raised ? "raised" : "cleared")}{(shown.Length > 0 ? $" ({shown})" : string.Empty)}";
    }
}
