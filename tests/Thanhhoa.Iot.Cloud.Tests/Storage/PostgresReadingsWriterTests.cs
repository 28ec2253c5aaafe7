using Npgsql;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>Group commit of telemetry messages on PostgreSQL: shared commits, isolation of a bad message, two nodes.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresReadingsWriterTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = TestMessages.T0;
    private PostgresDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _db = await PostgresDatabase.CreateAsync("group");
        await (await _db.OpenAsync()).DisposeAsync();
    }

    [SetUp]
    public Task EmptyAsync() => _db.ExecuteAsync("TRUNCATE reading_blocks, events, sequence_ledger, devices RESTART IDENTITY");

    [Test]
    public async Task StoreReadings_ConcurrentMessages_ShareCommits()
    {
        var observer = new CommitCounter();
        await using var store = await _db.OpenAsync(observer: observer);
        var writer = new PostgresReadingsWriter(store);
        await using (writer)
        {
            await Task.WhenAll(Enumerable.Range(0, 64).Select(i => writer.StoreReadingsAsync($"gw-{i}", Readings($"gw-{i}", 1, 5), T0, None)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(observer.Requests, Is.EqualTo(64));
            Assert.That(observer.Commits, Is.LessThan(64), "messages waiting together must share one transaction and one commit");
        });
    }

    [Test]
    public async Task StoreReadings_OneBadMessageAmongMany_OnlyItFailsOthersStored()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        // PostgreSQL refuses a NUL character in text: this message can never be stored.
        var bad = new List<StoredReading> { new("gw-bad", 1, "bat\0tery", T0, 1, Quality.Good, T0) };
        var good = Enumerable.Range(0, 20).Select(i => writer.StoreReadingsAsync($"gw-{i}", Readings($"gw-{i}", 1, 5), T0, None)).ToList();
        var failing = writer.StoreReadingsAsync("gw-bad", bad, T0, None);
        var more = Enumerable.Range(20, 20).Select(i => writer.StoreReadingsAsync($"gw-{i}", Readings($"gw-{i}", 1, 5), T0, None)).ToList();

        Assert.That(async () => await failing, Throws.InstanceOf<PostgresException>());
        var results = await Task.WhenAll(good.Concat(more));
        Assert.Multiple(async () =>
        {
            Assert.That(results.Sum(r => r.Appended.Added), Is.EqualTo(200));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM readings"), Is.EqualTo(200));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM devices WHERE device_id = 'gw-bad'"), Is.Zero);
        });
    }

    [Test]
    public async Task StoreReadings_TwoNodesSameMessagesAtOnce_EachReadingStoredOnce()
    {
        await using var storeA = await _db.OpenAsync();
        await using var storeB = await _db.OpenAsync();
        await using var nodeA = new PostgresReadingsWriter(storeA);
        await using var nodeB = new PostgresReadingsWriter(storeB);
        var messages = Enumerable.Range(0, 60).Select(i => (Device: $"gw-{i % 12}", First: 1 + (i / 12 * 10))).ToList();
        var writes = messages.SelectMany(m => new[] { nodeA, nodeB }.Select(n => n.StoreReadingsAsync(m.Device, Readings(m.Device, m.First, 10), T0, None)));
        var results = await Task.WhenAll(writes);
        Assert.Multiple(async () =>
        {
            Assert.That(results.Sum(r => r.Appended.Added), Is.EqualTo(600));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM readings"), Is.EqualTo(600));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(DISTINCT (device_id, seq)) FROM readings"), Is.EqualTo(600));
        });
    }

    [Test]
    public async Task StoreReadings_GroupLargeEnoughForCopy_StoredOnceAndQueryable()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        var many = (ReadingBlockRows.CopyFromBlocks * 3) + 10; // three readings an hour: more blocks than COPY needs
        var first = await writer.StoreReadingsAsync("gw-1", Spread("gw-1", 1, many), T0, None);
        var again = await writer.StoreReadingsAsync("gw-1", Spread("gw-1", 51, many), T0, None);
        var at = Spread("gw-1", 1, many)[2].Timestamp;
        var found = await new PostgresTelemetryStore(store).QueryReadingsAsync(new TelemetryQuery("gw-1", "battery_v", at, at, 10), None);
        Assert.Multiple(async () =>
        {
            Assert.That(first.Appended, Is.EqualTo(new AppendResult(many, 0)));
            Assert.That(again.Appended, Is.EqualTo(new AppendResult(50, many - 50)));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM readings"), Is.EqualTo(many + 50));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks"), Is.GreaterThanOrEqualTo(ReadingBlockRows.CopyFromBlocks));
            Assert.That(found.Single(), Is.EqualTo(Spread("gw-1", 1, many)[2]));
        });
    }

    [Test]
    public async Task StoreReadings_FiftyReadingsWithinOneHour_OneRow()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        var message = Readings("gw-50", 1, 50).Select((r, i) => r with { Channel = i % 2 == 0 ? "battery_v" : "temp_c" }).ToList();

        var stored = await writer.StoreReadingsAsync("gw-50", message, T0, None);
        var back = await new PostgresTelemetryStore(store).QueryReadingsAsync(new TelemetryQuery("gw-50", null, T0, T0.AddHours(1), 100), None);

        Assert.Multiple(async () =>
        {
            Assert.That(stored.Appended, Is.EqualTo(new AppendResult(50, 0)));
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks"), Is.EqualTo(1));
            Assert.That(await _db.ScalarAsync<string>("SELECT array_to_string(channel_names, ',') FROM reading_blocks"), Is.EqualTo("battery_v,temp_c"));
            Assert.That(back, Is.EqualTo(message));
        });
    }

    [Test]
    public async Task StoreReadings_MessageOutOfOrder_OneRowInBlockOrder()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        var message = Readings("gw-ooo", 1, 6);
        message.Reverse();

        await writer.StoreReadingsAsync("gw-ooo", message, T0, None);

        Assert.Multiple(async () =>
        {
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks"), Is.EqualTo(1));
            Assert.That(await _db.ScalarAsync<string>("SELECT array_to_string(seqs, ',') FROM reading_blocks"), Is.EqualTo("1,2,3,4,5,6"),
                "a block's arrays are in timestamp order whatever order the message had");
            Assert.That(await _db.ScalarAsync<long>("SELECT first_seq FROM reading_blocks"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task StoreReadings_SequenceTwiceInOneMessage_FirstOneStored()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        var message = Readings("gw-twice", 1, 3);
        message.Insert(2, message[0] with { Value = -1 });

        var stored = await writer.StoreReadingsAsync("gw-twice", message, T0, None);
        var back = await new PostgresTelemetryStore(store).QueryReadingsAsync(new TelemetryQuery("gw-twice", null, T0, T0.AddHours(1), 100), None);

        Assert.Multiple(() =>
        {
            Assert.That(stored.Appended, Is.EqualTo(new AppendResult(3, 1)));
            Assert.That(back.Select(r => (r.Seq, r.Value)), Is.EqualTo(new[] { (1L, 48.0), (2L, 49.0), (3L, 50.0) }));
            Assert.That(stored.Device.Channels["battery_v"].Seq, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task QueryReadings_LimitReachedInAnHourOfSeveralMessages_EarliestAcrossAllOfThem()
    {
        await using var store = await _db.OpenAsync();
        var telemetry = new PostgresTelemetryStore(store);
        await telemetry.AppendReadingsAsync([Reading(1, 1, T0), Reading(3, 3, T0), Reading(9, 61, T0)], None);
        await telemetry.AppendReadingsAsync([Reading(2, 2, T0.AddSeconds(1)), Reading(4, 4, T0.AddSeconds(1))], None);

        var found = await telemetry.QueryReadingsAsync(new TelemetryQuery("gw-lim", null, T0, T0.AddHours(2), 3), None);

        Assert.That(found.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3 }), "the second message's block of the same hour is read too");

        static StoredReading Reading(long seq, int minute, DateTimeOffset received) =>
            new("gw-lim", seq, "battery_v", T0.AddMinutes(minute), seq, Quality.Good, received);
    }

    [Test]
    public async Task StoreReadings_CopyGroupOfUnsyncedReadings_TimeQualityKept()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        var rows = Spread("gw-tq", 1, (ReadingBlockRows.CopyFromBlocks * 3) + 10).Select(r => r with { TimeQuality = TimeQuality.Unsynced }).ToList();

        await writer.StoreReadingsAsync("gw-tq", rows, T0, None);

        Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM readings WHERE device_id = 'gw-tq' AND time_quality = 1"), Is.EqualTo(rows.Count),
            "binary COPY writes the time-quality column too");
    }

    [Test]
    public async Task StoreReadings_OneWriteGroup_ConcurrentMessagesStillStoredOnce()
    {
        await using var store = await _db.OpenAsync(options: new PostgresStorageOptions { WriteGroups = 1 });
        await using var writer = new PostgresReadingsWriter(store);
        var writes = Enumerable.Range(0, 40).Select(i => writer.StoreReadingsAsync($"gw-{i % 4}", Readings($"gw-{i % 4}", 1 + (i / 8 * 10), 10), T0, None));
        var results = await Task.WhenAll(writes);
        Assert.That(results.Sum(r => r.Appended.Added), Is.EqualTo(await _db.ScalarAsync<long>("SELECT count(*) FROM readings")));
    }

    [Test]
    public async Task StoreReadings_ReadingOfAnotherDevice_Refused()
    {
        await using var store = await _db.OpenAsync();
        await using var writer = new PostgresReadingsWriter(store);
        Assert.That(() => writer.StoreReadingsAsync("gw-1", Readings("gw-2", 1, 1), T0, None), Throws.ArgumentException.With.Message.Contains("gw-2"));
    }

    [Test]
    public async Task Dispose_WritesQueued_CommittedBeforeItReturns()
    {
        await using var store = await _db.OpenAsync();
        var writer = new PostgresReadingsWriter(store);
        var writes = Enumerable.Range(0, 30).Select(i => writer.StoreReadingsAsync($"gw-{i}", Readings($"gw-{i}", 1, 5), T0, None)).ToList();
        await writer.DisposeAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(writes.All(w => w.IsCompletedSuccessfully), Is.True);
            Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM readings"), Is.EqualTo(150));
            Assert.That(() => writer.StoreReadingsAsync("gw-1", Readings("gw-1", 9, 1), T0, None), Throws.InstanceOf<ObjectDisposedException>());
        });
    }

    private static List<StoredReading> Readings(string device, long firstSeq, int count) =>
        Enumerable.Range(0, count).Select(i => new StoredReading(device, firstSeq + i, "battery_v", T0.AddSeconds(firstSeq + i), 48 + i, Quality.Good, T0)).ToList();

    // Three readings an hour, so a message makes a block per hour.
    private static List<StoredReading> Spread(string device, long firstSeq, int count) =>
        Enumerable.Range(0, count).Select(i => new StoredReading(device, firstSeq + i, "battery_v", T0.AddMinutes(20 * (firstSeq + i)), 48 + i, Quality.Good, T0)).ToList();

    private sealed class CommitCounter : IStoreWriteObserver
    {
        private int _commits;
        private int _requests;

        public int Commits => _commits;

        public int Requests => _requests;

        public void Committed(int requests, TimeSpan elapsed)
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _requests, requests);
        }
    }
}
