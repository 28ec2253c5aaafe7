using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Artifacts.Postgres;
using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.LossLedger.Postgres;
using Thanhhoa.Iot.Cloud.Rollouts;
using Thanhhoa.Iot.Cloud.Rollouts.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts.Stores;

/// <summary>The rollout, artifact and control-sequence stores on PostgreSQL; two nodes' pools on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresRolloutStoreTests : RolloutStoreTestSuite
{
    private PostgresNodes _pg = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _pg = await PostgresNodes.CreateAsync("rollouts", "rollouts, rollout_devices, artifacts, control_seqs");

    [SetUp]
    public Task EmptyAsync() => _pg.ResetAsync();

    [TearDown]
    public Task CloseAsync() => _pg.CloseAllAsync();

    protected override async Task<(IRolloutStore Store, IRolloutStore OtherNode, IArtifactStore Artifacts, IControlSequenceStore Control)> OpenAsync()
    {
        var (a, b) = await _pg.OpenTwoAsync();
        return (new PostgresRolloutStore(a), new PostgresRolloutStore(b), new PostgresArtifactStore(a), new PostgresControlSequenceStore(b));
    }
}
