using NUnit.Framework;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>Leases of a single node: one in-memory store, seen by both "nodes".</summary>
[TestFixture]
[Category("Unit")]
public sealed class SingleNodeLeaseStoreTests() : LeaseStoreTestSuite(LeaseStorePair.SingleNode())
{
}
