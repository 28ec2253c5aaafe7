using System.Globalization;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>What one measured run saw. Rates are readings per second over the measured window.</summary>
public sealed record LoadReport(
    int Gateways,
    int Connected,
    double Seconds,
    double AckedPerSecond,
    double CloudPerSecond,
    double SinkPerSecond,
    double PubAckP50Ms,
    double PubAckP99Ms,
    double VisibleP50Ms,
    double VisibleP99Ms,
    int VisibleSamples,
    long Errors)
{
    /// <summary>Command round trip (REST create → the cloud shows Succeeded), when commands were sent.</summary>
    public double CommandP50Ms { get; init; } = double.NaN;

    public double CommandP99Ms { get; init; } = double.NaN;

    public int CommandSamples { get; init; }

    /// <summary>Commands that ended other than Succeeded, or not within 30 s.</summary>
    public long CommandsFailed { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RESULT gateways={Gateways} connected={Connected} seconds={Seconds:F1} acked_rps={AckedPerSecond:F0} cloud_rps={CloudPerSecond:F0} " +
        $"sink_rps={SinkPerSecond:F0} puback_p50_ms={PubAckP50Ms:F1} puback_p99_ms={PubAckP99Ms:F1} " +
        $"visible_p50_ms={VisibleP50Ms:F1} visible_p99_ms={VisibleP99Ms:F1} visible_samples={VisibleSamples} errors={Errors} " +
        $"cmd_p50_ms={CommandP50Ms:F1} cmd_p99_ms={CommandP99Ms:F1} cmd_samples={CommandSamples} cmd_failed={CommandsFailed}");
}
