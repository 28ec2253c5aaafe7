namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>Migrates the schema and prepares partitions before anything else starts (registered first).</summary>
public sealed class PostgresStartup(PostgresStore store, ILogger<PostgresStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        PostgresLog.Migrated(logger, store.Description, string.Join(", ", applied), PostgresMigrations.All.Max(m => m.Version));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
