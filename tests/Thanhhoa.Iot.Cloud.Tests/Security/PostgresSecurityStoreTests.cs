using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.Postgres;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>The security stores on PostgreSQL; two stores (two nodes' pools) on one database for the races.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresSecurityStoreTests : SecurityStoreTestSuite
{
    private readonly List<PostgresStore> _stores = [];
    private PostgresDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _db = await PostgresDatabase.CreateAsync("security");

    [SetUp]
    public async Task EmptyAsync()
    {
        await (await _db.OpenAsync()).DisposeAsync();
        await _db.ExecuteAsync("TRUNCATE api_keys, enrollment_tokens, device_credentials, site_bindings, audit_log, security_state");
    }

    [TearDown]
    public async Task CloseAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _stores.Clear();
    }

    protected override async Task<SecurityStores> OpenAsync()
    {
        var a = await _db.OpenAsync();
        var b = await _db.OpenAsync();
        _stores.Add(a);
        _stores.Add(b);
        return new SecurityStores(
            new PostgresApiKeyStore(a), new PostgresEnrollmentTokenStore(a), new PostgresDeviceCredentialStore(a), new PostgresAuditLog(a),
            new PostgresSecurityStateStore(a), new PostgresDeviceCredentialStore(b));
    }
}
