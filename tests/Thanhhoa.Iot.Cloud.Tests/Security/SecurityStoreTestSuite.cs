using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Security.ApiKeys;
using Thanhhoa.Iot.Cloud.Security.Audit;
using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Security.Credentials;
using Thanhhoa.Iot.Cloud.Security.Enrollment;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>The same behaviour from every backend of the security stores (LiteDB, PostgreSQL).</summary>
public abstract class SecurityStoreTestSuite
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract Task<SecurityStores> OpenAsync();

    [Test]
    public async Task ApiKey_AddFindRevoke_RoundTrips()
    {
        var s = await OpenAsync();
        var key = new ApiKey { Id = "k1", Name = "tech", Role = ApiRole.Technician, Sites = ["a", "b"], Hash = "h", CreatedAt = T0, CreatedBy = "admin" };
        await s.Keys.AddAsync(key, None);
        var found = await s.Keys.FindAsync("k1", None);
        var revoked = await s.Keys.RevokeAsync("k1", T0.AddHours(1), None);
        var unknown = await s.Keys.RevokeAsync("nope", T0, None);
        var after = (await s.Keys.ListAsync(None)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(key).Using<ApiKey>((x, y) => x.Id == y.Id && x.Name == y.Name && x.Role == y.Role && x.Sites.SequenceEqual(y.Sites) && x.CreatedAt == y.CreatedAt && x.CreatedBy == y.CreatedBy));
            Assert.That(revoked, Is.True);
            Assert.That(unknown, Is.False);
            Assert.That(after.RevokedAt, Is.EqualTo(T0.AddHours(1)));
        });
    }

    [Test]
    public async Task Token_RevokeUsedToken_Refused()
    {
        var s = await OpenAsync();
        await s.Tokens.AddAsync(Token("t1", "site-1"), None);
        await s.Credentials.EnrollAsync(Commit("t1", "gw-1", "site-1"), None);
        await s.Tokens.AddAsync(Token("t2", null), None);
        Assert.Multiple(async () =>
        {
            Assert.That(await s.Tokens.RevokeAsync("t1", T0, None), Is.False);
            Assert.That(await s.Tokens.RevokeAsync("t2", T0, None), Is.True);
            Assert.That((await s.Tokens.FindAsync("t2", None))!.StateAt(T0), Is.EqualTo(EnrollmentTokenState.Revoked));
        });
    }

    [Test]
    public async Task Enroll_SameTokenTwice_SecondRefusedAsUsed()
    {
        var s = await OpenAsync();
        await s.Tokens.AddAsync(Token("t1", null), None);
        var first = await s.Credentials.EnrollAsync(Commit("t1", "gw-1", null), None);
        var second = await s.Credentials.EnrollAsync(Commit("t1", "gw-2", null), None);
        var token = await s.Tokens.FindAsync("t1", None);
        Assert.Multiple(async () =>
        {
            Assert.That(first.Enrolled, Is.True);
            Assert.That(second.Enrolled, Is.False);
            Assert.That(second.TokenState, Is.EqualTo(EnrollmentTokenState.Used));
            Assert.That(token!.UsedBy, Is.EqualTo("gw-1"));
            Assert.That(await s.Credentials.FindAsync("gw-2", None), Is.Null);
        });
    }

    [Test]
    public async Task Enroll_SameTokenOnTwoNodesAtOnce_ExactlyOneDevice()
    {
        var s = await OpenAsync();
        await s.Tokens.AddAsync(Token("t1", "site-1"), None);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? s.Credentials : s.OtherNodeCredentials).EnrollAsync(Commit("t1", $"gw-{i}", "site-1"), None)));
        var enrolled = (await s.Credentials.ListAsync(None)).Select(c => c.DeviceId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o.Enrolled), Is.EqualTo(1));
            Assert.That(enrolled, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Enroll_ExpiredToken_NotEnrolled()
    {
        var s = await OpenAsync();
        await s.Tokens.AddAsync(Token("t1", null), None);
        var outcome = await s.Credentials.EnrollAsync(Commit("t1", "gw-1", null) with { At = T0.AddDays(2) }, None);
        Assert.That(outcome.TokenState, Is.EqualTo(EnrollmentTokenState.Expired));
    }

    [Test]
    public async Task Enroll_SecondDeviceAtSite_SiteMovesPreviousRevoked()
    {
        var s = await OpenAsync();
        await s.Tokens.AddAsync(Token("t1", "site-1"), None);
        await s.Tokens.AddAsync(Token("t2", "site-1"), None);
        await s.Credentials.EnrollAsync(Commit("t1", "gw-old", "site-1"), None);
        var outcome = await s.Credentials.EnrollAsync(Commit("t2", "gw-new", "site-1"), None);
        var old = await s.Credentials.FindAsync("gw-old", None);
        Assert.Multiple(async () =>
        {
            Assert.That(outcome.ReplacedDeviceId, Is.EqualTo("gw-old"));
            Assert.That(await s.Credentials.DeviceAtSiteAsync("site-1", None), Is.EqualTo("gw-new"));
            Assert.That(old!.IsActive, Is.False);
            Assert.That(old.RevokedReason, Does.Contain("gw-new"));
        });
    }

    [Test]
    public async Task Revoke_BoundDevice_SiteUnboundSecondRevokeNothing()
    {
        var s = await OpenAsync();
        await s.Tokens.AddAsync(Token("t1", "site-1"), None);
        await s.Credentials.EnrollAsync(Commit("t1", "gw-1", "site-1"), None);
        var revoked = await s.Credentials.RevokeAsync("gw-1", "stolen", T0.AddHours(1), None);
        var again = await s.Credentials.RevokeAsync("gw-1", "again", T0.AddHours(2), None);
        Assert.Multiple(async () =>
        {
            Assert.That(revoked!.RevokedReason, Is.EqualTo("stolen"));
            Assert.That(again, Is.Null);
            Assert.That(await s.Credentials.DeviceAtSiteAsync("site-1", None), Is.Null);
        });
    }

    [Test]
    public async Task Audit_Query_NewestFirstFilteredAndLimited()
    {
        var s = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await s.Audit.AppendAsync(new AuditEntry { At = T0.AddMinutes(i), Actor = i % 2 == 0 ? "key:a 'alice'" : "key:b 'bob'", Method = "POST", Path = $"/x/{i}", Status = 201 }, None);
        }

        var alice = await s.Audit.QueryAsync(new AuditQuery(T0, T0.AddHours(1), "ALICE", 2), None);
        var early = await s.Audit.QueryAsync(new AuditQuery(T0, T0.AddMinutes(1), null, 10), None);
        Assert.Multiple(() =>
        {
            Assert.That(alice.Select(e => e.Path), Is.EqualTo(new[] { "/x/4", "/x/2" }));
            Assert.That(early.Select(e => e.Path), Is.EqualTo(new[] { "/x/1", "/x/0" }));
        });
    }

    [Test]
    public async Task State_SetGet_RoundTripsAndOverwrites()
    {
        var s = await OpenAsync();
        await s.State.SetAsync("k", "v1", None);
        await s.State.SetAsync("k", "v2", None);
        Assert.Multiple(async () =>
        {
            Assert.That(await s.State.GetAsync("k", None), Is.EqualTo("v2"));
            Assert.That(await s.State.GetAsync("missing", None), Is.Null);
        });
    }

    private static EnrollmentToken Token(string id, string? site) =>
        new() { Id = id, Hash = "h", Site = site, CreatedAt = T0, ExpiresAt = T0.AddDays(1), CreatedBy = "admin" };

    private static EnrollmentCommit Commit(string tokenId, string deviceId, string? site) =>
        new(tokenId, new DeviceCredential { DeviceId = deviceId, Hash = "h", Site = site, EnrolledAt = T0, TokenId = tokenId }, T0);
}
