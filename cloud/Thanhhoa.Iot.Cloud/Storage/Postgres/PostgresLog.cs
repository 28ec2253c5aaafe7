namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Connected to {Database}; applied migrations [{Applied}] (schema version {Version})")]
    public static partial void Migrated(ILogger logger, string database, string applied, int version);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Reading partitions: created {Created}, dropped {Dropped} (past retention)")]
    public static partial void PartitionsMaintained(ILogger logger, int created, int dropped);
}
