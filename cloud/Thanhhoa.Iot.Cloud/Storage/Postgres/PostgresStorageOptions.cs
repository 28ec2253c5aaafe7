namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>Configuration section <c>Storage:Postgres</c>: partitions, retention and maintenance.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>Readings older than this many days are dropped with their daily partition (0 keeps everything).</summary>
    public int RetentionDays { get; set; } = 400;

    /// <summary>Daily reading partitions created ahead of today, so inserts never wait for DDL.</summary>
    public int PartitionDaysAhead { get; set; } = 3;

    /// <summary>Daily partitions created behind today at start (late readings from gateway outboxes land there).</summary>
    public int PartitionDaysBehind { get; set; } = 2;

    /// <summary>How often one node (a singleton job) creates partitions ahead and drops expired ones.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Telemetry group commits this node runs at once (each one transaction for every message waiting). More than
    /// one keeps PostgreSQL working while another group waits for its WAL flush or its turn on the CPU; more than
    /// two made groups smaller and stored less with 10,000 gateways on 2 cores (docs/benchmarks.md, "Scale").
    /// </summary>
    public int WriteGroups { get; set; } = 2;
}
