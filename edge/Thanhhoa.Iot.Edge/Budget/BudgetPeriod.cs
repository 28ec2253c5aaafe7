namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>One period (a day or a month, in the carrier's time zone) and the bytes used in it.</summary>
internal sealed class BudgetPeriod(long limit, double reserve, bool monthly, TimeSpan offset)
{
    /// <summary>Pace ratios (spent so far against what is left) at which the level steps up.</summary>
    private static readonly double[] Steps = [1.0, 1.5, 2.0];

    public long Limit { get; } = limit;

    public DateTimeOffset Start { get; private set; } = DateTimeOffset.MinValue;

    public long Used { get; private set; }

    /// <summary>What telemetry may use: the limit less the reserve for alarms, events and command results.</summary>
    public long TelemetryShare => (long)(Limit * (1 - reserve));

    public DateTimeOffset End => monthly ? Start.AddMonths(1) : Start.AddDays(1);

    /// <summary>Moves to the period holding <paramref name="now"/>; a new period starts from zero.</summary>
    public void Roll(DateTimeOffset now)
    {
        var local = now.ToOffset(offset);
        var start = monthly ? new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, offset) : new DateTimeOffset(local.Date, offset);
        if (start != Start)
        {
            Used = 0;
            Start = start;
        }
    }

    /// <summary>Takes the saved usage back; <see cref="Roll"/> keeps it only while the saved period lasts.</summary>
    public void Restore(DateTimeOffset start, long used)
    {
        Start = start;
        Used = used;
    }

    public void Add(long bytes) => Used += bytes;

    public bool Allows(long bytes) => Limit == 0 || Used + bytes <= TelemetryShare;

    public BudgetLevel Level(DateTimeOffset now)
    {
        if (Limit == 0)
        {
            return BudgetLevel.Normal;
        }

        if (Used >= TelemetryShare)
        {
            return BudgetLevel.Exhausted;
        }

        // Spending pace so far against the pace that would exactly use up the rest; the first
        // twenty-fourth of the period counts as elapsed so one early burst does not alarm.
        var length = (End - Start).TotalSeconds;
        var elapsed = Math.Max((now - Start).TotalSeconds, length / 24);
        var remaining = Math.Max((End - now).TotalSeconds, 1);
        var ratio = (Used / elapsed) / ((TelemetryShare - Used) / remaining);
        var level = BudgetLevel.Normal;
        foreach (var step in Steps)
        {
            level += ratio > step ? 1 : 0;
        }

        return level;
    }
}
