using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

/// <summary>
/// Two cloud nodes' stores (<see cref="A"/>, <see cref="B"/>) on one PostgreSQL database of the fixture, emptied of
/// <c>tables</c> before each test; the <see cref="ClusterNode"/>s a test composes are disposed after it.
/// </summary>
public abstract class ClusterNodesFixture(string database, string tables)
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
    protected static readonly CancellationToken None = CancellationToken.None;
    private readonly List<ClusterNode> _nodes = [];
    private PostgresNodes _pg = null!;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected PostgresStore A { get; private set; } = null!;

    protected PostgresStore B { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync(database, tables);

    [SetUp]
    public async Task OpenNodesAsync()
    {
        Time = new FakeTimeProvider(T0);
        await _pg.ResetAsync(Time);
        (A, B) = await _pg.OpenTwoAsync(Time);
    }

    [TearDown]
    public async Task CloseNodesAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        _nodes.Clear();
        await _pg.CloseAllAsync();
    }

    /// <summary>A node's dashboard and ingest over <paramref name="store"/>, disposed after the test.</summary>
    internal ClusterNode Node(PostgresStore store)
    {
        var node = new ClusterNode(store, Time);
        _nodes.Add(node);
        return node;
    }
}
