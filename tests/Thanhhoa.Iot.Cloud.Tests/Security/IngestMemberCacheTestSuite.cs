using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Coordination;
using Thanhhoa.Iot.Cloud.Security.BrokerAccess;
using Thanhhoa.Iot.Cloud.Tests.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// Which client ids node 1's broker auth takes for registered ingest members. Subclasses give two stores on one
/// lease space: node 1 reads through the first, the other nodes renew and adopt through the second. Lease names
/// are spelt out here as IngestMembership writes them.
/// </summary>
public abstract class IngestMemberCacheTestSuite(LeaseStorePair stores) : LeaseStoreFixture(stores)
{
    private const string Group = "thiot";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    [TestCase("thiot-ingest-node2", true)]
    [TestCase("thiot-ingest-node2-control", true)]
    [TestCase("thiot-ingest-node2-downlink", true)]
    [TestCase("thiot-ingest-node2-other", false)]
    [TestCase("thiot-ingest-node9", false)]
    [TestCase("", false)]
    public async Task IsMemberClientId_AnotherRegisteredMember_ItsLanesAndDownlinkOnly(string clientId, bool expected)
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node2");
        Assert.That(await node.Cache.IsMemberClientIdAsync(clientId, None), Is.EqualTo(expected));
    }

    [Test]
    public async Task IsMemberClientId_MemberAdoptedLongAfterItsLeaseRanOut_True()
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node3");
        Time.Advance(TimeSpan.FromHours(1));
        await node.Others.TryAcquireAsync($"ingest-adopt/{Group}/thiot-ingest-node3", "node-2", Ttl, None);
        Assert.Multiple(async () =>
        {
            Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node3", None), Is.True);
            Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node3-control", None), Is.True);
        });
    }

    [Test]
    public async Task IsMemberClientId_LeaseRanOutLessThanALifetimeAgo_True()
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node3");
        Time.Advance(Ttl * 1.5);
        Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node3", None), Is.True);
    }

    [Test]
    public async Task IsMemberClientId_LeaseRanOutLongAgoAndNobodyAdopted_False()
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node3");
        await node.Others.TryAcquireAsync($"ingest-adopt/{Group}/thiot-ingest-node3", "node-2", Ttl, None);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node3", None), Is.False);
    }

    [Test]
    public async Task IsMemberClientId_MemberOfAnotherSharedGroup_False()
    {
        var node = await OpenNodeAsync();
        await node.Others.TryAcquireAsync("ingest-member/other-group/thiot-ingest-node5", "thiot-ingest-node5", Ttl, None);
        Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node5", None), Is.False);
    }

    [Test]
    public async Task IsMemberClientId_NoSharedGroup_FalseWithoutReadingTheStore()
    {
        var node = await OpenNodeAsync(sharedGroup: null);
        await node.Others.TryAcquireAsync("ingest-member//thiot-ingest-node2", "thiot-ingest-node2", Ttl, None);
        Assert.Multiple(async () =>
        {
            Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node2", None), Is.False);
            Assert.That(node.Store.Lists, Is.Zero);
        });
    }

    [Test]
    public async Task IsMemberClientId_RepeatedChecks_ReadTheStoreOncePerLifetime()
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node2");
        await node.Cache.IsMemberClientIdAsync("thiot-ingest-node2", None);
        var afterFirst = node.Store.Lists;
        for (var i = 0; i < 50; i++)
        {
            await node.Cache.IsMemberClientIdAsync(i % 2 == 0 ? "thiot-ingest-node2-control" : "thiot-ingest-node2-downlink", None);
        }

        var afterFifty = node.Store.Lists;
        Time.Advance(IngestMemberCache.Lifetime);
        await RenewAsync(node.Others, "thiot-ingest-node2");
        var stillMember = await node.Cache.IsMemberClientIdAsync("thiot-ingest-node2", None);
        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.Positive);
            Assert.That(afterFifty, Is.EqualTo(afterFirst));
            Assert.That(stillMember, Is.True);
            Assert.That(node.Store.Lists, Is.GreaterThan(afterFifty));
        });
    }

    [Test]
    public async Task IsMemberClientId_NodeStartedAfterTheListWasRead_AcceptedOnItsFirstConnect()
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node2");
        await node.Cache.IsMemberClientIdAsync("thiot-ingest-node2", None);
        Time.Advance(IngestMemberCache.MissRefreshInterval);
        await RenewAsync(node.Others, "thiot-ingest-node4");
        Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node4-control", None), Is.True);
    }

    [Test]
    public async Task IsMemberClientId_UnknownIdsAtOnce_ReadTheStoreAtMostOncePerInterval()
    {
        var node = await OpenNodeAsync();
        await node.Cache.IsMemberClientIdAsync("thiot-ingest-node9", None);
        var afterFirst = node.Store.Lists;
        await RenewAsync(node.Others, "thiot-ingest-node4");
        var beforeInterval = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            beforeInterval.Add(await node.Cache.IsMemberClientIdAsync($"thiot-ingest-node4{(i == 0 ? string.Empty : $"-x{i}")}", None));
        }

        var afterTwenty = node.Store.Lists;
        Time.Advance(IngestMemberCache.MissRefreshInterval);
        var afterInterval = await node.Cache.IsMemberClientIdAsync("thiot-ingest-node4", None);
        Assert.Multiple(() =>
        {
            Assert.That(afterTwenty, Is.EqualTo(afterFirst));
            Assert.That(beforeInterval, Has.All.False);
            Assert.That(afterInterval, Is.True);
        });
    }

    [Test]
    public async Task IsMemberClientId_StoreUnreachable_LastListStillAnswers()
    {
        var node = await OpenNodeAsync();
        await RenewAsync(node.Others, "thiot-ingest-node2");
        await node.Cache.IsMemberClientIdAsync("thiot-ingest-node2", None);
        node.Store.Unreachable = true;
        Time.Advance(IngestMemberCache.Lifetime);
        Assert.Multiple(async () =>
        {
            Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node2", None), Is.True);
            Assert.That(await node.Cache.IsMemberClientIdAsync("thiot-ingest-node9", None), Is.False);
        });
    }

    private Task RenewAsync(ILeaseStore store, string clientId) =>
        store.TryAcquireAsync($"ingest-member/{Group}/{clientId}", clientId, Ttl, None);

    private async Task<Node> OpenNodeAsync(string? sharedGroup = Group)
    {
        var (a, b) = await OpenAsync();
        var store = new CountingLeaseStore(a);
        var broker = new BrokerOptions { External = { ClientId = "thiot-ingest-node1", SharedGroup = sharedGroup } };
        var coordination = new CoordinationOptions { MemberLeaseTtl = Ttl };
        var cache = new IngestMemberCache(store, Options.Create(broker), Options.Create(coordination), Time, NullLogger<IngestMemberCache>.Instance);
        return new Node(cache, store, b);
    }

    private sealed record Node(IngestMemberCache Cache, CountingLeaseStore Store, ILeaseStore Others);
}
