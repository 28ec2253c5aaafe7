namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>An alarm on a digital channel (mains, door, smoke): active while the channel has <see cref="ActiveValue"/>.</summary>
public sealed class DigitalAlarmOptions
{
    public string Channel { get; set; } = string.Empty;

    /// <summary>The channel value that means "alarm"; defaults per rule (mains: 0, door and smoke: 1).</summary>
    public double? ActiveValue { get; set; }

    /// <summary>How long the condition must hold before the alarm is raised.</summary>
    public string Debounce { get; set; } = "5s";

    /// <summary>How long the normal state must hold before the alarm clears; defaults to <see cref="Debounce"/>.</summary>
    public string? ClearDebounce { get; set; }
}
