using NUnit.Framework;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.DesiredConfig.Stores;

[TestFixture]
[Category("Integration")]
public sealed class LiteDesiredConfigStoreTests : DesiredConfigStoreTestSuite
{
    private TempDirectory _dir = null!;
    private LiteDbStore? _store;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("config-lite");

    [TearDown]
    public async Task TearDown()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }

    protected override Task<(IDesiredConfigStore Store, IDesiredConfigStore OtherNode)> OpenAsync()
    {
        _store = new LiteDbStore(_dir.Path);
        var store = new LiteDesiredConfigStore(_store);
        return Task.FromResult<(IDesiredConfigStore, IDesiredConfigStore)>((store, store));
    }
}
