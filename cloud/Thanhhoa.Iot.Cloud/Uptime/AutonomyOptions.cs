using System.ComponentModel.DataAnnotations;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Battery autonomy estimate settings (section <c>Uptime:Autonomy</c>).</summary>
public sealed class AutonomyOptions
{
    /// <summary>Voltage at which the load is disconnected; 44.0 V suits a 48 V string.</summary>
    [Range(1.0, 1000.0)]
    public double CutoffVolts { get; set; } = 44.0;

    /// <summary>How much recent battery_v history the trend is fitted over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Fewer readings than this give no estimate.</summary>
    [Range(2, 100_000)]
    public int MinPoints { get; set; } = 5;

    /// <summary>Readings spanning less time than this give no estimate.</summary>
    public TimeSpan MinSpan { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The voltage must fall faster than this (V/h) to be called a discharge.</summary>
    [Range(0.0, 100.0)]
    public double MinFallVoltsPerHour { get; set; } = 0.05;
}
