namespace Thanhhoa.Iot.Edge.Diagnostics;

/// <summary>How the running gateway reports itself to the technician's tools. Section <c>Diagnostics</c>.</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>How often <c>status.json</c> is rewritten in the data directory.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(15);
}
