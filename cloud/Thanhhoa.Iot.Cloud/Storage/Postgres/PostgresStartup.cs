namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Migrates the schema and prepares partitions before anything else starts: in the lifecycle's Starting
/// phase (registered first), because other services read the database there too (ContactAtRestart reads the
/// registry before the broker accepts anyone) and a new database has no tables until this has run.
/// </summary>
public sealed class PostgresStartup(PostgresStore store, ILogger<PostgresStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        PostgresLog.Migrated(logger, store.Description, string.Join(", ", applied), PostgresMigrations.All.Max(m => m.Version));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
