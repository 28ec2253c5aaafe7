using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// Analogue alarm with hysteresis. Below: raised when the value drops under the raise threshold,
/// cleared when it is back at or over the (higher) clear threshold. Above: the mirror image.
/// </summary>
public sealed class ThresholdAlarmRule : AlarmRule
{
    private readonly string _input;
    private readonly ThresholdDirection _direction;
    private readonly double _raise;
    private readonly double _clear;

    public ThresholdAlarmRule(string code, Severity severity, string channel, ThresholdDirection direction, double raise, double clear, TimeSpan raiseAfter, TimeSpan clearAfter)
        : base(code, severity, channel, raiseAfter, clearAfter)
    {
        _input = channel;
        _direction = direction;
        _raise = raise;
        _clear = clear;
    }

    protected override IReadOnlyList<string> Inputs => [_input];

    protected override bool? Condition(SiteState state)
    {
        if (state.Value(_input) is not { } value)
        {
            return null;
        }

        return _direction == ThresholdDirection.Below
            ? value < _raise ? true : value >= _clear ? false : null
            : value > _raise ? true : value <= _clear ? false : null;
    }
}
