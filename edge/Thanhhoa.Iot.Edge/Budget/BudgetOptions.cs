namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>
/// The gateway's data budget (prepaid 2G/3G plans). Section <c>Budget</c>. Off by default: with both
/// limits 0 nothing is metered or held back.
/// </summary>
public sealed class BudgetOptions
{
    public const string SectionName = "Budget";

    /// <summary>Bytes the uplink may use per day (both directions, TCP/IP headers included); 0 = no daily limit.</summary>
    public long DailyBytes { get; set; }

    /// <summary>Bytes the uplink may use per calendar month; 0 = no monthly limit.</summary>
    public long MonthlyBytes { get; set; }

    /// <summary>Where the day and the month begin, as an offset from UTC (carriers in Vietnam count in UTC+7).</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary>
    /// TCP/IP header bytes counted per packet (IPv4 20 + TCP 20 + timestamps option 12). Every MQTT
    /// packet is counted as at least one segment each way plus one per 1,460 payload bytes.
    /// </summary>
    public int TcpIpOverheadBytes { get; set; } = 52;

    /// <summary>
    /// Share of each limit telemetry may not use: kept for alarms, events and command results, which
    /// the budget never holds back.
    /// </summary>
    public double PriorityReserve { get; set; } = 0.1;

    /// <summary>How often usage is reported to the cloud (event <c>data_budget</c>).</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Least time between telemetry uploads from level <see cref="BudgetLevel.Sparse"/> on (fewer, fuller, better-compressed batches).</summary>
    public TimeSpan SparseUploadInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Interval one aggregate summarises from level <see cref="BudgetLevel.Aggregated"/> on.</summary>
    public TimeSpan AggregateInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>True when a limit is set.</summary>
    public bool Enabled => DailyBytes > 0 || MonthlyBytes > 0;
}
