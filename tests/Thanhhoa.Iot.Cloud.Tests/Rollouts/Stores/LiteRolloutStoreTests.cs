using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts.Stores;

[TestFixture]
[Category("Integration")]
public sealed class LiteRolloutStoreTests : RolloutStoreTestSuite
{
    private TempDirectory _dir = null!;
    private LiteDbStore? _store;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("rollouts-lite");

    [TearDown]
    public async Task TearDown()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }

    protected override Task<(IRolloutStore Store, IRolloutStore OtherNode, IArtifactStore Artifacts, IControlSequenceStore Control)> OpenAsync()
    {
        _store = new LiteDbStore(_dir.Path);
        var rollouts = new LiteRolloutStore(_store);
        return Task.FromResult<(IRolloutStore, IRolloutStore, IArtifactStore, IControlSequenceStore)>(
            (rollouts, rollouts, new LiteArtifactStore(_store), new LiteControlSequenceStore(_store, new FakeTimeProvider(TestMessages.T0))));
    }
}
