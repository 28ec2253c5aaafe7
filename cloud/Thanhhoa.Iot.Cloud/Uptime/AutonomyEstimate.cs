namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Minutes until the battery string reaches the cutoff voltage at the recent discharge rate.
/// <see cref="Minutes"/> is null when <see cref="Confidence"/> is Unknown; <see cref="Reason"/> then says why.
/// <see cref="Score"/> (0–1) combines the fit's R², the number of points and the time they span.
/// </summary>
public sealed record AutonomyEstimate(
    double? Minutes,
    AutonomyConfidence Confidence,
    double Score,
    double? SlopeVoltsPerHour,
    double? RSquared,
    int Points,
    double SpanMinutes,
    double CutoffVolts,
    string? Reason)
{
    public static AutonomyEstimate Unknown(string reason, int points, double spanMinutes, double cutoff) =>
        new(null, AutonomyConfidence.Unknown, 0, null, null, points, spanMinutes, cutoff, reason);
}
