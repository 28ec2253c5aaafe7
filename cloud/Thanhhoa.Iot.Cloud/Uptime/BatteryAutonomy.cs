namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Estimates a battery site's time to cutoff from the least-squares slope of battery_v over the recent
/// window. Pure: the caller passes the samples taken since the site went on battery and "now".
/// </summary>
public static class BatteryAutonomy
{
    /// <param name="samples">(time, volts) pairs taken on battery, any order.</param>
    /// <param name="now">The moment to estimate from (TimeProvider's now).</param>
    /// <param name="options">Cutoff, window and minimum data.</param>
    public static AutonomyEstimate Estimate(IReadOnlyList<(DateTimeOffset At, double Volts)> samples, DateTimeOffset now, AutonomyOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        var cutoff = options.CutoffVolts;
        var recent = samples.Where(s => s.At <= now && s.At >= now - options.Window && double.IsFinite(s.Volts)).OrderBy(s => s.At).ToList();
        var span = recent.Count > 1 ? (recent[^1].At - recent[0].At).TotalMinutes : 0;
        if (recent.Count < options.MinPoints || span < options.MinSpan.TotalMinutes)
        {
            return AutonomyEstimate.Unknown($"too little data: {recent.Count} readings over {span:0.#} min (need {options.MinPoints} over {options.MinSpan.TotalMinutes:0.#} min)", recent.Count, span, cutoff);
        }

        var fit = Fit(recent, recent[0].At);
        var perHour = fit.Slope * 60;
        if (perHour > -options.MinFallVoltsPerHour)
        {
            return AutonomyEstimate.Unknown($"battery voltage is not falling ({perHour:+0.00;-0.00} V/h)", recent.Count, span, cutoff);
        }

        var nowMinutes = (now - recent[0].At).TotalMinutes;
        var voltsNow = fit.Intercept + (fit.Slope * nowMinutes);
        var minutes = Math.Max(0, (voltsNow - cutoff) / -fit.Slope);
        var score = Math.Clamp(fit.RSquared, 0, 1) * Math.Min(1, recent.Count / 20.0) * Math.Min(1, span / 15.0);
        var confidence = score >= 0.8 ? AutonomyConfidence.High : score >= 0.5 ? AutonomyConfidence.Medium : AutonomyConfidence.Low;
        return new AutonomyEstimate(minutes, confidence, score, perHour, fit.RSquared, recent.Count, span, cutoff, null);
    }

    /// <summary>Ordinary least squares of volts on minutes since <paramref name="origin"/>.</summary>
    private static (double Slope, double Intercept, double RSquared) Fit(List<(DateTimeOffset At, double Volts)> points, DateTimeOffset origin)
    {
        var n = points.Count;
        var meanX = points.Average(p => (p.At - origin).TotalMinutes);
        var meanY = points.Average(p => p.Volts);
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var (at, volts) in points)
        {
            var dx = (at - origin).TotalMinutes - meanX;
            var dy = volts - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        var intercept = meanY - (slope * meanX);
        var rSquared = syy > 0 && sxx > 0 ? (sxy * sxy) / (sxx * syy) : (n > 1 ? 1 : 0);
        return (slope, intercept, rSquared);
    }
}
