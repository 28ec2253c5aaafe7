using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Tests.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>Member leases in PostgreSQL, as a cluster has them: node 1 reads through its pool, the others write through theirs.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresIngestMemberCacheTests() : IngestMemberCacheTestSuite(LeaseStorePair.Postgres("brokerauth-members"))
{
}
