using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Active while a digital channel holds its alarm value (mains 0, door 1, smoke 1, generator running 1).</summary>
public sealed class DigitalAlarmRule : AlarmRule
{
    private readonly string _input;
    private readonly double _activeValue;

    public DigitalAlarmRule(string code, Severity severity, string channel, double activeValue, TimeSpan raiseAfter, TimeSpan clearAfter)
        : base(code, severity, channel, raiseAfter, clearAfter)
    {
        _input = channel;
        _activeValue = activeValue;
    }

    protected override IReadOnlyList<string> Inputs => [_input];

    protected override bool? Condition(SiteState state) =>
        state.Value(_input) is { } value ? Math.Abs(value - _activeValue) < 0.5 : null;
}
