using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Tests.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Member leases of a single node (LiteDB): one in-memory store.</summary>
[TestFixture]
[Category("Unit")]
public sealed class SingleNodeIngestMemberCacheTests() : IngestMemberCacheTestSuite(LeaseStorePair.SingleNode())
{
}
