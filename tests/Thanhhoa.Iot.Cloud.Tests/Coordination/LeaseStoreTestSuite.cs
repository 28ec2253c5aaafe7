using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Coordination;

/// <summary>The lease contract; subclasses give two "nodes" (stores) that share one lease space and one fake clock.</summary>
public abstract class LeaseStoreTestSuite(LeaseStorePair stores) : LeaseStoreFixture(stores)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    [Test]
    public async Task TryAcquire_HeldByOther_RefusedUntilExpired()
    {
        var (a, b) = await OpenAsync();
        var first = await a.TryAcquireAsync("leader", "node-a", Ttl, None);
        var whileHeld = await b.TryAcquireAsync("leader", "node-b", Ttl, None);
        Time.Advance(Ttl);
        var afterExpiry = await b.TryAcquireAsync("leader", "node-b", Ttl, None);
        var oldHolder = await a.TryAcquireAsync("leader", "node-a", Ttl, None);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(whileHeld, Is.False);
            Assert.That(afterExpiry, Is.True);
            Assert.That(oldHolder, Is.False);
        });
    }

    [Test]
    public async Task TryAcquire_RenewedBeforeExpiry_StaysWithHolder()
    {
        var (a, b) = await OpenAsync();
        await a.TryAcquireAsync("leader", "node-a", Ttl, None);
        Time.Advance(Ttl / 2);
        var renewed = await a.TryAcquireAsync("leader", "node-a", Ttl, None);
        Time.Advance(Ttl * 0.75);
        Assert.Multiple(async () =>
        {
            Assert.That(renewed, Is.True);
            Assert.That(await b.TryAcquireAsync("leader", "node-b", Ttl, None), Is.False);
        });
    }

    [Test]
    public async Task Release_ByHolder_OtherMayAcquireAtOnce()
    {
        var (a, b) = await OpenAsync();
        await a.TryAcquireAsync("leader", "node-a", Ttl, None);
        await b.ReleaseAsync("leader", "node-b", None);
        var stillHeld = await b.TryAcquireAsync("leader", "node-b", Ttl, None);
        await a.ReleaseAsync("leader", "node-a", None);
        Assert.Multiple(async () =>
        {
            Assert.That(stillHeld, Is.False, "only the holder can release");
            Assert.That(await b.TryAcquireAsync("leader", "node-b", Ttl, None), Is.True);
        });
    }

    [Test]
    public async Task List_ByPrefix_HoldersAndExpiry()
    {
        var (a, b) = await OpenAsync();
        await a.TryAcquireAsync("member/x", "x", Ttl, None);
        await b.TryAcquireAsync("member/y", "y", Ttl * 2, None);
        await b.TryAcquireAsync("other", "y", Ttl, None);
        var members = await a.ListAsync("member/", None);
        Assert.That(members.OrderBy(l => l.Name).Select(l => (l.Name, l.Holder, l.ExpiresAt)), Is.EqualTo(new[]
        {
            ("member/x", "x", TestMessages.T0 + Ttl),
            ("member/y", "y", TestMessages.T0 + (Ttl * 2)),
        }));
    }

    [Test]
    public async Task TryClaimRun_TwoNodesSamePeriod_ExactlyOneWins()
    {
        var (a, b) = await OpenAsync();
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryClaimRunAsync("job", 7, $"node-{i % 2}", None)));
        var next = await b.TryClaimRunAsync("job", 8, "node-b", None);
        var otherJob = await a.TryClaimRunAsync("other-job", 7, "node-a", None);
        Assert.Multiple(() =>
        {
            Assert.That(claims.Count(c => c), Is.EqualTo(1));
            Assert.That(next, Is.True);
            Assert.That(otherJob, Is.True);
        });
    }
}
