using NUnit.Framework;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>Leases in PostgreSQL: two stores (two nodes' connection pools) on one database.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresLeaseStoreTests() : LeaseStoreTestSuite(LeaseStorePair.Postgres("leases"))
{
}
