using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>The security stores on PostgreSQL; two stores (two nodes' pools) on one database for the races.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresSecurityStoreTests : SecurityStoreTestSuite
{
    private PostgresNodes _pg = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _pg = await PostgresNodes.CreateAsync("security", "api_keys, enrollment_tokens, device_credentials, site_bindings, audit_log, security_state");

    [SetUp]
    public Task EmptyAsync() => _pg.ResetAsync();

    [TearDown]
    public Task CloseAsync() => _pg.CloseAllAsync();

    protected override async Task<SecurityStores> OpenAsync()
    {
        var (a, b) = await _pg.OpenTwoAsync();
        return new SecurityStores(
            new PostgresApiKeyStore(a), new PostgresEnrollmentTokenStore(a), new PostgresDeviceCredentialStore(a), new PostgresAuditLog(a),
            new PostgresSecurityStateStore(a), new PostgresDeviceCredentialStore(b));
    }
}
