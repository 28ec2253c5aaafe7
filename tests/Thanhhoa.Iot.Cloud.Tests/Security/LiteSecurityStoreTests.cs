using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

[TestFixture]
[Category("Integration")]
public sealed class LiteSecurityStoreTests : SecurityStoreTestSuite
{
    private TempDirectory _dir = null!;
    private LiteDbStore? _store;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("security-lite");

    [TearDown]
    public async Task TearDown()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }

    protected override Task<SecurityStores> OpenAsync()
    {
        _store = new LiteDbStore(_dir.Path);
        var credentials = new LiteDeviceCredentialStore(_store);
        return Task.FromResult(new SecurityStores(
            new LiteApiKeyStore(_store), new LiteEnrollmentTokenStore(_store), credentials, new LiteAuditLog(_store), new LiteSecurityStateStore(_store), credentials));
    }
}
