namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// The state of one alarm: it changes only after the wanted state has held without interruption
/// for the raise (or clear) delay. Flapping inside the window never changes it.
/// </summary>
public sealed class DebouncedCondition
{
    private readonly TimeSpan _raiseAfter;
    private readonly TimeSpan _clearAfter;
    private TimeSpan? _pendingSince;

    public DebouncedCondition(TimeSpan raiseAfter, TimeSpan clearAfter)
    {
        _raiseAfter = raiseAfter;
        _clearAfter = clearAfter;
    }

    public bool IsActive { get; private set; }

    /// <summary>When the pending change would take effect, if one is pending.</summary>
    public TimeSpan? NextDeadline => _pendingSince + (IsActive ? _clearAfter : _raiseAfter);

    /// <summary>
    /// <paramref name="wanted"/>: true when the raise condition holds, false when the clear condition
    /// holds, null when neither does (inside the hysteresis band, or no data). Returns the new state
    /// when it changed.
    /// </summary>
    public bool? Update(bool? wanted, TimeSpan now)
    {
        if (wanted is null || wanted == IsActive)
        {
            _pendingSince = null;
            return null;
        }

        _pendingSince ??= now;
        if (now - _pendingSince < (wanted.Value ? _raiseAfter : _clearAfter))
        {
            return null;
        }

        IsActive = wanted.Value;
        _pendingSince = null;
        return IsActive;
    }
}
