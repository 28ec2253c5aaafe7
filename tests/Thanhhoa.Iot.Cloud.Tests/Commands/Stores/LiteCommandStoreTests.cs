using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Commands.Stores;

[TestFixture]
[Category("Integration")]
public sealed class LiteCommandStoreTests : CommandStoreTestSuite
{
    private TempDirectory _dir = null!;
    private LiteDbStore? _store;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("commands-lite");

    [TearDown]
    public async Task TearDown()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }

    protected override Task<(ICommandStore Store, ICommandStore OtherNode)> OpenAsync()
    {
        _store = new LiteDbStore(_dir.Path);
        var store = new LiteCommandStore(_store);
        return Task.FromResult<(ICommandStore, ICommandStore)>((store, store));
    }
}
