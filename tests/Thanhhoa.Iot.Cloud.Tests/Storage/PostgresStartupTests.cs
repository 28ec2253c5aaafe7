using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Tests.Hosting;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>A node's first start on a new PostgreSQL database: the schema must exist before any service reads it.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresStartupTests
{
    [Test]
    public async Task Start_NewDatabaseNodeLocalHistoryWithAnOnlineGateway_StartsAndRecordsItsContactLost()
    {
        using var dir = new TempDirectory("pg-startup");
        var db = await PostgresDatabase.CreateAsync("startup");
        // The node's own link history says gw-1 was online when it stopped: at start ContactAtRestart asks the
        // registry (PostgreSQL) when gw-1 was last heard — on a database no migration has touched yet.
        await using (var nodeLocal = new LiteDbStore(Path.Combine(dir.Path, "node-local")))
        {
            await new LinkHistoryStore(nodeLocal).AppendAsync("gw-1", new LinkChange(DateTimeOffset.UtcNow.AddHours(-1), true), CancellationToken.None);
        }

        await (await CloudHost.StartEmbeddedAsync(dir.Path, "--Storage:Provider=Postgres", $"--Storage:ConnectionString={db.ConnectionString}")).DisposeAsync();

        await using var after = new LiteDbStore(Path.Combine(dir.Path, "node-local"));
        Assert.Multiple(async () =>
        {
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM devices"), Is.Zero, "started, with the schema in place");
            Assert.That(new LinkHistoryStore(after).LastChangeOnline(), Is.Empty, "the restart recorded gw-1's contact as lost");
        });
    }
}
