using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>One local alarm: looks at the site state and says when it raises or clears.</summary>
public interface IAlarmRule
{
    string Code { get; }

    /// <summary>The channel the alarm concerns, if one (a high temperature rule per sensor).</summary>
    string? Channel { get; }

    bool IsActive { get; }

    /// <summary>When a pending raise or clear would happen without further readings, on the monotonic clock of <see cref="RuleClock"/>.</summary>
    TimeSpan? NextDeadline { get; }

    /// <summary>Returns the raise or clear event when the alarm changed state at <paramref name="now"/>.</summary>
    EventDraft? Evaluate(SiteState state, RuleClock now);
}
