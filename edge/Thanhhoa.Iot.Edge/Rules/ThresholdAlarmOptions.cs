namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// An alarm on an analogue channel with hysteresis: raised past <see cref="Raise"/>, cleared only
/// once back past <see cref="Clear"/>. Battery rules alarm below the threshold, temperature above.
/// </summary>
public sealed class ThresholdAlarmOptions
{
    public string Channel { get; set; } = string.Empty;

    public double Raise { get; set; }

    public double Clear { get; set; }

    public string Debounce { get; set; } = "30s";

    public string? ClearDebounce { get; set; }
}
