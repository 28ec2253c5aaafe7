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
    private Band _band;

    public ThresholdAlarmRule(string code, Severity severity, string channel, ThresholdDirection direction, double raise, double clear, TimeSpan raiseAfter, TimeSpan clearAfter)
        : base(code, severity, channel, raiseAfter, clearAfter)
    {
        _input = channel;
        _direction = direction;
        _band = new Band(raise, clear);
        ProfileRaise = raise;
        ProfileClear = clear;
    }

    public ThresholdDirection Direction => _direction;

    /// <summary>The thresholds of the site profile, which a removed override falls back to.</summary>
    public double ProfileRaise { get; }

    public double ProfileClear { get; }

    /// <summary>The thresholds in force.</summary>
    public (double Raise, double Clear) Thresholds
    {
        get
        {
            var band = Volatile.Read(ref _band);
            return (band.Raise, band.Clear);
        }
    }

    protected override IReadOnlyList<string> Inputs => [_input];

    /// <summary>Replaces both thresholds at once (desired configuration); the caller checked the hysteresis.</summary>
    public void Retune(double raise, double clear) => Volatile.Write(ref _band, new Band(raise, clear));

    protected override bool? Condition(SiteState state)
    {
        if (state.Value(_input) is not { } value)
        {
            return null;
        }

        var band = Volatile.Read(ref _band);
        return _direction == ThresholdDirection.Below
            ? value < band.Raise ? true : value >= band.Clear ? false : null
            : value > band.Raise ? true : value <= band.Clear ? false : null;
    }

    private sealed record Band(double Raise, double Clear);
}
