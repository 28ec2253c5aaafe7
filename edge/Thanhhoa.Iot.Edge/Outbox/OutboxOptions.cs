namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Configuration section <c>Outbox</c>. The defaults fit a Raspberry Pi-class gateway with an SD card.</summary>
public sealed class OutboxOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Outbox";

    /// <summary>Folder of the outbox files; created when missing. Relative paths resolve against the working directory.</summary>
    public string DataDirectory { get; set; } = "/var/lib/thgw";

    /// <summary>Data file name; the write-ahead log sits beside it as <c>{name}-log{ext}</c>.</summary>
    public string FileName { get; set; } = "outbox.db";

    /// <summary>
    /// Disk the outbox may take, data file and log together. At the quota old telemetry is first replaced
    /// by aggregates (<see cref="AggregateInterval"/>), then the oldest is dropped (never events).
    /// </summary>
    public long QuotaBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most rows (readings, events, acknowledged sequences) the writer puts into one transaction (one fsync).</summary>
    public int MaxBatchRows { get; set; } = 4096;

    /// <summary>Appends and acknowledgements that may wait for the writer before callers are held back.</summary>
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Log size in 8 KiB pages after which LiteDB copies the log into the data file. 0 = derived from
    /// <see cref="QuotaBytes"/> (an eighth of it, at most LiteDB's default of 1000 pages).
    /// </summary>
    public int CheckpointPages { get; set; }

    /// <summary>How often ranges dropped at the quota are checked and reported to the cloud (event <c>outbox_dropped</c>).</summary>
    public TimeSpan LossReportInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval one aggregate summarises (min/max/avg/count per channel) when old raw telemetry is thinned
    /// out at the quota. Zero turns aggregation off: the quota then only drops the oldest readings.
    /// </summary>
    public TimeSpan AggregateInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Oldest pending readings never aggregated because the uplink may have them in flight; keep it at
    /// least <c>Uplink:ReadingsPerBatch</c>.
    /// </summary>
    public int AggregateInFlightReadings { get; set; } = 2000;
}
