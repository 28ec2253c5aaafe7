namespace Thanhhoa.Iot.Edge.Sensing.Health;

/// <summary><c>Site:Health</c>: how a failing sensor is retried and when it counts as faulted.</summary>
public sealed class SensorHealthOptions
{
    /// <summary>Consecutive failed reads before a <c>sensor_fault</c> is raised (a single I2C glitch is not a fault).</summary>
    public int FaultAfterFailures { get; set; } = 2;

    /// <summary>Wait before the first retry; doubles per failure up to <see cref="MaxBackoff"/>.</summary>
    public string InitialBackoff { get; set; } = "1s";

    public string MaxBackoff { get; set; } = "5m";

    /// <summary>A read that takes longer than this is abandoned and counts as a failure.</summary>
    public string ReadTimeout { get; set; } = "5s";
}
