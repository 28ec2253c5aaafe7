using NUnit.Framework;
using Thanhhoa.Iot.TestSupport.Postgres;

namespace Thanhhoa.Iot.EndToEnd.Tests;

/// <summary>The whole assembly shares one private PostgreSQL cluster (started on first use); stop it at the end.</summary>
[SetUpFixture]
public sealed class PostgresClusterTeardown
{
    [OneTimeTearDown]
    public Task StopClusterAsync() => PostgresCluster.StopSharedAsync();
}
