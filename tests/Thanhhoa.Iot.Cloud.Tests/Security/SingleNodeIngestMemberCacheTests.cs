using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

[TestFixture]
[Category("Unit")]
public sealed class SingleNodeIngestMemberCacheTests : IngestMemberCacheTestSuite
{
    protected override Task<(ILeaseStore A, ILeaseStore B)> OpenAsync()
    {
        var store = new SingleNodeLeaseStore(Time);
        return Task.FromResult<(ILeaseStore, ILeaseStore)>((store, store));
    }
}
