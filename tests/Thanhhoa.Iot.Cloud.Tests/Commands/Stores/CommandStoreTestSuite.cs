using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Commands.Stores;

/// <summary>The same command-store behaviour from every backend (LiteDB, PostgreSQL).</summary>
public abstract class CommandStoreTestSuite
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty store (and, for the shared backends, a second node's view of the same data).</summary>
    protected abstract Task<(ICommandStore Store, ICommandStore OtherNode)> OpenAsync();

    [Test]
    public async Task Insert_EveryField_ReadBackEqual()
    {
        var (store, other) = await OpenAsync();
        var full = Command("c1", "gw-1") with
        {
            Arguments = JsonDocument.Parse("""{"channels":["battery_v"],"n":2}""").RootElement,
            BatchId = "b1", NotBefore = T0.AddMinutes(1), Status = CommandState.Succeeded, PublishedAt = T0.AddSeconds(1), Publishes = 2,
            DeliveredAt = T0.AddSeconds(2), CompletedAt = T0.AddSeconds(3), ResultStatus = CommandStatus.Succeeded,
            Result = JsonDocument.Parse("""{"pong":true}""").RootElement, Error = "e", Message = "m", ResultAt = T0.AddSeconds(3),
            ResultReceivedAt = T0.AddSeconds(4), Late = true,
        };
        await store.InsertAsync([full, Command("c2", "gw-1")], None);

        var read = await other.GetAsync("c1", None);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.Not.Null);
            Assert.That(read! with { Arguments = null, Result = null }, Is.EqualTo(full with { Arguments = null, Result = null }));
            Assert.That(read.Arguments!.Value.GetProperty("channels")[0].GetString(), Is.EqualTo("battery_v"));
            Assert.That(read.Result!.Value.GetProperty("pong").GetBoolean(), Is.True);
        });
        Assert.That(await other.GetAsync("nope", None), Is.Null);
    }

    [Test]
    public async Task Query_ByDeviceStateBatchAndTime_NewestFirstWithinLimit()
    {
        var (store, _) = await OpenAsync();
        await store.InsertAsync(
        [
            Command("a", "gw-1", T0), Command("b", "gw-1", T0.AddMinutes(1)) with { BatchId = "x" },
            Command("c", "gw-2", T0.AddMinutes(2)) with { BatchId = "x" }, Command("d", "gw-1", T0.AddMinutes(3)) with { Status = CommandState.Failed },
        ], None);

        Assert.Multiple(async () =>
        {
            Assert.That(Ids(await store.QueryAsync(new CommandQuery("gw-1", null, null, null, 10), None)), Is.EqualTo(new[] { "d", "b", "a" }));
            Assert.That(Ids(await store.QueryAsync(new CommandQuery(null, CommandState.Pending, null, null, 10), None)), Is.EqualTo(new[] { "c", "b", "a" }));
            Assert.That(Ids(await store.QueryAsync(new CommandQuery(null, null, null, null, 10, "x"), None)), Is.EqualTo(new[] { "c", "b" }));
            Assert.That(Ids(await store.QueryAsync(new CommandQuery(null, null, T0.AddMinutes(1), T0.AddMinutes(2), 10), None)), Is.EqualTo(new[] { "c", "b" }));
            Assert.That(Ids(await store.QueryAsync(new CommandQuery(null, null, null, null, 2), None)), Is.EqualTo(new[] { "d", "c" }));
        });
    }

    [Test]
    public async Task Update_ChangeNullOrUnknown_WritesOnlyAChange()
    {
        var (store, other) = await OpenAsync();
        await store.InsertAsync([Command("c1", "gw-1")], None);

        var changed = await store.UpdateAsync("c1", c => c with { Status = CommandState.Cancelled }, None);
        var unchanged = await store.UpdateAsync("c1", _ => null, None);
        var unknown = await store.UpdateAsync("nope", c => c, None);
        Assert.Multiple(async () =>
        {
            Assert.That(changed.Before!.Status, Is.EqualTo(CommandState.Pending));
            Assert.That(changed.After!.Status, Is.EqualTo(CommandState.Cancelled));
            Assert.That(unchanged.Before!.Status, Is.EqualTo(CommandState.Cancelled));
            Assert.That(unchanged.After, Is.Null);
            Assert.That(unknown, Is.EqualTo(((CommandRecord?)null, (CommandRecord?)null)));
            Assert.That((await other.GetAsync("c1", None))!.Status, Is.EqualTo(CommandState.Cancelled));
        });
    }

    [Test]
    public async Task Deliverable_PendingDueUnexpired_OldestFirstPerDevice()
    {
        var (store, _) = await OpenAsync();
        await store.InsertAsync(
        [
            Command("late", "gw-1", T0.AddMinutes(2)), Command("early", "gw-1", T0), Command("future", "gw-1", T0.AddMinutes(1)) with { NotBefore = T0.AddHours(1) },
            Command("expired", "gw-1") with { Expires = T0.AddMinutes(-1) }, Command("done", "gw-1") with { Status = CommandState.Delivered },
            Command("other", "gw-2"),
        ], None);

        Assert.Multiple(async () =>
        {
            Assert.That(Ids(await store.ListDeliverableAsync("gw-1", T0.AddMinutes(5), None)), Is.EqualTo(new[] { "early", "late" }));
            Assert.That(Ids(await store.ListDeliverableAsync("gw-1", T0.AddHours(2), None)), Is.EqualTo(new[] { "early", "future", "late" }));
        });
    }

    [Test]
    public async Task DueUnpublished_OnlyPendingNeverPublishedWhoseTimeCame()
    {
        var (store, _) = await OpenAsync();
        await store.InsertAsync(
        [
            Command("sent", "gw-1") with { Publishes = 1 }, Command("scheduled", "gw-1") with { NotBefore = T0.AddMinutes(10) },
            Command("now", "gw-2") with { NotBefore = T0 },
        ], None);

        Assert.Multiple(async () =>
        {
            Assert.That(Ids(await store.ListDueUnpublishedAsync(T0.AddMinutes(1), None)), Is.EqualTo(new[] { "now" }));
            Assert.That(Ids(await store.ListDueUnpublishedAsync(T0.AddMinutes(10), None)), Is.EquivalentTo(new[] { "now", "scheduled" }));
        });
    }

    [Test]
    public async Task ExpireDue_PendingAndDeliveredPastExpiry_ExpiredOnceOthersKept()
    {
        var (store, other) = await OpenAsync();
        await store.InsertAsync(
        [
            Command("p", "gw-1") with { Expires = T0.AddMinutes(1) }, Command("d", "gw-1") with { Expires = T0.AddMinutes(1), Status = CommandState.Delivered },
            Command("s", "gw-1") with { Expires = T0.AddMinutes(1), Status = CommandState.Succeeded }, Command("later", "gw-1") with { Expires = T0.AddHours(1) },
        ], None);

        var first = await store.ExpireDueAsync(T0.AddMinutes(2), None);
        var second = await other.ExpireDueAsync(T0.AddMinutes(2), None);
        var counts = await other.CountByStateAsync(None);
        Assert.Multiple(() =>
        {
            Assert.That(Ids(first), Is.EquivalentTo(new[] { "p", "d" }));
            Assert.That(first.Select(c => c.CompletedAt), Is.All.EqualTo(T0.AddMinutes(2)));
            Assert.That(second, Is.Empty, "idempotent");
            Assert.That(counts[CommandState.Expired], Is.EqualTo(2));
            Assert.That(counts[CommandState.Succeeded], Is.EqualTo(1));
            Assert.That(counts[CommandState.Pending], Is.EqualTo(1));
            Assert.That(counts[CommandState.Cancelled], Is.Zero);
        });
    }

    [Test]
    public async Task MarkPublished_TwiceFromTwoNodes_CountsBoth()
    {
        var (store, other) = await OpenAsync();
        await store.InsertAsync([Command("c1", "gw-1"), Command("c2", "gw-1")], None);

        await store.MarkPublishedAsync(["c1", "c2", "nope"], T0.AddSeconds(1), None);
        var again = await other.MarkPublishedAsync(["c1"], T0.AddSeconds(2), None);
        Assert.Multiple(async () =>
        {
            Assert.That(again.Single().Publishes, Is.EqualTo(2));
            Assert.That((await store.GetAsync("c1", None))!.PublishedAt, Is.EqualTo(T0.AddSeconds(2)));
            Assert.That((await store.GetAsync("c2", None))!.Publishes, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task MarkDelivered_OnlyPendingOfThatDevice()
    {
        var (store, _) = await OpenAsync();
        await store.InsertAsync([Command("c1", "gw-1"), Command("c2", "gw-1") with { Status = CommandState.Succeeded }, Command("c3", "gw-2")], None);

        var changed = await store.MarkDeliveredAsync([("gw-1", "c1"), ("gw-1", "c2"), ("gw-1", "c3"), ("gw-1", "nope")], T0.AddSeconds(5), None);
        Assert.Multiple(async () =>
        {
            Assert.That(changed.Select(x => x.After.Id), Is.EqualTo(new[] { "c1" }));
            Assert.That(changed.Single().Before.Status, Is.EqualTo(CommandState.Pending));
            Assert.That((await store.GetAsync("c1", None))!.DeliveredAt, Is.EqualTo(T0.AddSeconds(5)));
            Assert.That((await store.GetAsync("c3", None))!.Status, Is.EqualTo(CommandState.Pending), "another device's acknowledgement does not count");
        });
    }

    private static CommandRecord Command(string id, string device, DateTimeOffset? created = null) => new()
    {
        Id = id, DeviceId = device, Type = "ping", CreatedAt = created ?? T0, Expires = T0.AddHours(3),
    };

    private static string[] Ids(IEnumerable<CommandRecord> commands) => commands.Select(c => c.Id).ToArray();
}
