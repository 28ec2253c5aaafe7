namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Generator running (info) and failed to start (critical).</summary>
public sealed class GeneratorAlarmOptions
{
    /// <summary>Digital channel that reads 1 while the generator runs.</summary>
    public string RunningChannel { get; set; } = string.Empty;

    /// <summary>Optional gpio-out channel that commands a start; a start is also expected whenever mains has failed.</summary>
    public string? StartOutput { get; set; }

    /// <summary>How long after the start demand the generator must be running.</summary>
    public string StartTimeout { get; set; } = "2m";

    public string Debounce { get; set; } = "5s";
}
