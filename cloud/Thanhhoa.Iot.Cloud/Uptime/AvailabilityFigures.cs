namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Time per state over a range, in seconds. Up is mains + battery + generator. <see cref="Availability"/> is
/// up / (up + down), with unknown time excluded from both; null when there is no known time at all.
/// <see cref="UnknownShare"/> is unknown / (up + down + unknown).
/// </summary>
public sealed record AvailabilityFigures(
    double MainsSeconds,
    double BatterySeconds,
    double GeneratorSeconds,
    double DownSeconds,
    double UnknownSeconds)
{
    public static readonly AvailabilityFigures Zero = new(0, 0, 0, 0, 0);

    public double UpSeconds => MainsSeconds + BatterySeconds + GeneratorSeconds;

    public double TotalSeconds => UpSeconds + DownSeconds + UnknownSeconds;

    public double? Availability => UpSeconds + DownSeconds > 0 ? UpSeconds / (UpSeconds + DownSeconds) : null;

    public double? UnknownShare => TotalSeconds > 0 ? UnknownSeconds / TotalSeconds : null;

    /// <summary>Time per state of <paramref name="intervals"/> clipped to [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static AvailabilityFigures Of(IEnumerable<PowerInterval> intervals, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var seconds = new double[5];
        foreach (var interval in intervals)
        {
            var start = interval.Start > from ? interval.Start : from;
            var end = interval.End < to ? interval.End : to;
            if (end > start)
            {
                seconds[(int)interval.State] += (end - start).TotalSeconds;
            }
        }

        return new AvailabilityFigures(seconds[0], seconds[1], seconds[2], seconds[3], seconds[4]);
    }

    /// <summary>Time-weighted sum over sites: an area's availability is its sites' up time over their known time.</summary>
    public static AvailabilityFigures Sum(IEnumerable<AvailabilityFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Aggregate(Zero, (a, b) => new AvailabilityFigures(
            a.MainsSeconds + b.MainsSeconds,
            a.BatterySeconds + b.BatterySeconds,
            a.GeneratorSeconds + b.GeneratorSeconds,
            a.DownSeconds + b.DownSeconds,
            a.UnknownSeconds + b.UnknownSeconds));
    }
}
