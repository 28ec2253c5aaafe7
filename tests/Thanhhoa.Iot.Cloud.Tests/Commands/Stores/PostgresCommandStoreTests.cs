using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Commands.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Commands.Stores;

/// <summary>The command store on PostgreSQL; two stores (two nodes' pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresCommandStoreTests : CommandStoreTestSuite
{
    private PostgresNodes _pg = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync("commands", "commands");

    [SetUp]
    public Task EmptyAsync() => _pg.ResetAsync();

    [TearDown]
    public Task CloseAsync() => _pg.CloseAllAsync();

    [Test]
    public async Task ExpireDue_TwoNodesAtOnce_EachCommandExpiredByExactlyOne()
    {
        var (a, b) = await OpenAsync();
        var commands = Enumerable.Range(0, 200).Select(i => new CommandRecord
        {
            Id = $"c{i:D3}", DeviceId = $"gw-{i % 7}", Type = "ping", CreatedAt = T0, Expires = T0.AddMinutes(1),
        }).ToList();
        await a.InsertAsync(commands, CancellationToken.None);

        var results = await Task.WhenAll(
            a.ExpireDueAsync(T0.AddMinutes(2), CancellationToken.None),
            b.ExpireDueAsync(T0.AddMinutes(2), CancellationToken.None));

        var all = results.SelectMany(r => r).Select(c => c.Id).ToList();
        Assert.That(all, Is.Unique.And.EquivalentTo(commands.Select(c => c.Id)), "row locks make the second node see them expired");
    }

    protected override async Task<(ICommandStore Store, ICommandStore OtherNode)> OpenAsync()
    {
        var (a, b) = await _pg.OpenTwoAsync();
        return (new PostgresCommandStore(a), new PostgresCommandStore(b));
    }
}
