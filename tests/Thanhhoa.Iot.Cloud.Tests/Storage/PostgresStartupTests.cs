using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>A node's first start on a new PostgreSQL database: the schema must exist before any service reads it.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresStartupTests
{
    [Test]
    public async Task Start_NewDatabaseThenHistoryWithAnOnlineGateway_StartsAndRecordsItsContactLost()
    {
        using var dir = new TempDirectory("pg-startup");
        var db = await PostgresDatabase.CreateAsync("startup");
        string[] args = ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={db.ConnectionString}"];

        // At start ContactAtRestart reads the link history (PostgreSQL) before the broker accepts anyone — on a
        // database no migration has touched yet the first time.
        await (await CloudHost.StartEmbeddedAsync(dir.Path, args)).DisposeAsync();
        await db.ExecuteAsync(
            $"INSERT INTO link_history (device_id, at_ticks, online, recorded_at) VALUES ('gw-1', {DateTimeOffset.UtcNow.AddHours(-1).UtcTicks}, true, now())");
        await (await CloudHost.StartEmbeddedAsync(dir.Path, args)).DisposeAsync();

        await using var store = await db.OpenAsync();
        var online = await new PostgresLinkHistoryStore(store, TimeProvider.System).LastChangeOnlineAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM devices"), Is.Zero, "started, with the schema in place");
            Assert.That(online, Is.Empty, "the restart recorded gw-1's contact as lost");
        });
    }
}
