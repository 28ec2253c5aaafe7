using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>What only the PostgreSQL store has: migrations, time partitions and retention, ledger dedup across partitions and nodes.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresSchemaTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = TestMessages.T0;

    [Test]
    public async Task Migrate_TwoNodesStartAtOnce_EachMigrationAppliedOnce()
    {
        var db = await PostgresDatabase.CreateAsync("migrate");
        var stores = Enumerable.Range(0, 3).Select(_ => new PostgresStore(db.ConnectionString, new PostgresStorageOptions(), new FakeTimeProvider(T0))).ToList();
        var applied = await Task.WhenAll(stores.Select(s => s.MigrateAsync(None)));
        var versions = await db.ColumnAsync("SELECT version FROM schema_migrations ORDER BY version");
        foreach (var s in stores)
        {
            await s.DisposeAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(applied.SelectMany(a => a).Order(), Is.EqualTo(PostgresMigrations.All.Select(m => m.Version)), "each version applied by exactly one node");
            Assert.That(versions, Is.EqualTo(PostgresMigrations.All.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        });
    }

    [Test]
    public async Task Migrate_Again_NothingApplied()
    {
        var db = await PostgresDatabase.CreateAsync("remigrate");
        await (await db.OpenAsync()).DisposeAsync();
        await using var again = new PostgresStore(db.ConnectionString, new PostgresStorageOptions(), new FakeTimeProvider(T0));
        Assert.That(await again.MigrateAsync(None), Is.Empty);
    }

    [Test]
    public async Task Migrate_Fresh_RowsRewrittenPerMessageLeaveRoomOnTheirPages()
    {
        var db = await PostgresDatabase.CreateAsync("fillfactor");
        await (await db.OpenAsync()).DisposeAsync();

        var options = await db.ColumnAsync(
            "SELECT relname || ':' || array_to_string(reloptions, ',') FROM pg_class WHERE relname IN ('devices', 'sequence_ledger') ORDER BY relname");

        Assert.That(options, Is.EqualTo(new[] { "devices:fillfactor=50", "sequence_ledger:fillfactor=50" }),
            "every telemetry group rewrites these rows; free room on the page keeps the updates HOT (no index entries)");
    }

    [Test]
    public async Task Open_PartitionsAroundToday_DailyPartitionsBehindAndAhead()
    {
        var db = await PostgresDatabase.CreateAsync("parts");
        await using var store = await db.OpenAsync(new FakeTimeProvider(T0), new PostgresStorageOptions { PartitionDaysBehind = 1, PartitionDaysAhead = 2 });
        var partitions = await PartitionsAsync(db);
        Assert.That(partitions, Is.EqualTo(new[] { "reading_blocks_p20261125", "reading_blocks_p20261126", "reading_blocks_p20261127", "reading_blocks_p20261128" }));
    }

    [Test]
    public async Task Maintenance_DayComesWithinReach_ReadingsMoveFromDefaultIntoItsPartition()
    {
        var db = await PostgresDatabase.CreateAsync("default");
        var time = new FakeTimeProvider(T0);
        await using var store = await db.OpenAsync(time, new PostgresStorageOptions { PartitionDaysBehind = 0, PartitionDaysAhead = 1 });
        var telemetry = new PostgresTelemetryStore(store);
        var farAhead = T0.AddDays(5);
        await telemetry.AppendReadingsAsync([new StoredReading("gw-1", 1, "battery_v", farAhead, 48, Quality.Good, T0)], None);
        var inDefault = await db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks_default");

        time.Advance(TimeSpan.FromDays(4));
        await store.Partitions.RunAsync(None);
        var found = await telemetry.QueryReadingsAsync(new TelemetryQuery("gw-1", null, farAhead, farAhead, 10), None);
        Assert.Multiple(async () =>
        {
            Assert.That(inDefault, Is.EqualTo(1));
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks_default"), Is.Zero);
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks_p20261201"), Is.EqualTo(1));
            Assert.That(found.Select(r => r.Seq), Is.EqualTo(new long[] { 1 }));
        });
    }

    [Test]
    public async Task Maintenance_PastRetention_PartitionDroppedAndNewOnesMade()
    {
        var db = await PostgresDatabase.CreateAsync("retention");
        var time = new FakeTimeProvider(T0);
        await using var store = await db.OpenAsync(time, new PostgresStorageOptions { RetentionDays = 3, PartitionDaysBehind = 0, PartitionDaysAhead = 1 });
        var telemetry = new PostgresTelemetryStore(store);
        await telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10, T0), None);

        time.Advance(TimeSpan.FromDays(4));
        var (created, dropped) = await store.Partitions.RunAsync(None);
        var again = await telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10, T0), None);
        Assert.Multiple(async () =>
        {
            Assert.That(dropped, Is.EqualTo(1), "26 Nov lies wholly before the 3-day horizon (27 Nov)");
            Assert.That(created, Is.EqualTo(2));
            Assert.That(await PartitionsAsync(db), Does.Not.Contain("reading_blocks_p20261126"));
            Assert.That(await telemetry.QueryReadingsAsync(new TelemetryQuery("gw-1", null, T0.AddDays(-1), T0.AddDays(1), 100), None), Is.Empty);
            Assert.That(again, Is.EqualTo(new AppendResult(0, 10)), "the ledger still knows the dropped numbers: a late resend is not stored again");
        });
    }

    [Test]
    public async Task AppendReadings_SameSequenceDifferentDay_DuplicateAcrossPartitions()
    {
        var db = await PostgresDatabase.CreateAsync("crosspart");
        await using var store = await db.OpenAsync();
        var telemetry = new PostgresTelemetryStore(store);
        await telemetry.AppendReadingsAsync(Readings("gw-1", 1, 5, T0), None);
        var resent = await telemetry.AppendReadingsAsync(Readings("gw-1", 1, 5, T0.AddDays(1)), None);
        Assert.That(resent, Is.EqualTo(new AppendResult(0, 5)));
    }

    [Test]
    public async Task AppendReadings_TwoNodesStoreTheSameMessagesAtOnce_EachRowOnce()
    {
        var db = await PostgresDatabase.CreateAsync("twonodes");
        await using var a = await db.OpenAsync();
        await using var b = await db.OpenAsync();
        var nodes = new[] { new PostgresTelemetryStore(a), new PostgresTelemetryStore(b) };
        var writes = Enumerable.Range(0, 80).Select(i =>
            nodes[i % 2].AppendReadingsAsync(Readings($"gw-{i / 2 % 10}", 1 + (i / 20 * 10), 10, T0).Concat(Readings("gw-shared", 1, 10, T0)).ToList(), None));
        var results = await Task.WhenAll(writes);
        Assert.Multiple(async () =>
        {
            Assert.That(results.Sum(r => r.Added), Is.EqualTo(410), "10 devices × 40 numbers + 10 shared numbers");
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM readings"), Is.EqualTo(410));
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM (SELECT DISTINCT device_id, seq FROM readings) d"), Is.EqualTo(410));
        });
    }

    [Test]
    public async Task Ledger_ContiguousBatches_CoalesceToOneRange()
    {
        var db = await PostgresDatabase.CreateAsync("ledger");
        await using var store = await db.OpenAsync();
        var telemetry = new PostgresTelemetryStore(store);
        await telemetry.AppendReadingsAsync(Readings("gw-1", 11, 10, T0), None);
        await telemetry.AppendReadingsAsync(Readings("gw-1", 1, 10, T0), None);
        await telemetry.AppendEventsAsync([new StoredEvent("gw-1", 21, T0, "door_open", EventAction.Raise, Severity.Warning, null, null, null, T0)], None);
        Assert.That(await db.ScalarAsync<string>("SELECT seen::text FROM sequence_ledger WHERE device_id = 'gw-1'"), Is.EqualTo("{[1,22)}"));
    }

    [TestCase(0)]
    [TestCase(17)]
    public void Validate_WriteGroupsOutOfRange_MessageNamesKeyAndValue(int groups)
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db", Postgres = new PostgresStorageOptions { WriteGroups = groups } };
        var result = new PostgresStorageOptionsValidator().Validate(null, options);
        Assert.That(result.FailureMessage, Does.Contain($"Storage:Postgres:WriteGroups {groups}"));
    }

    [Test]
    public void Validate_BadConnectionString_MessageNamesKeyNotPassword()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Password=s3cret-pw;Bogus Key=1" };
        var result = new PostgresStorageOptionsValidator().Validate(null, options);
        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("Storage:ConnectionString"));
            Assert.That(result.FailureMessage, Does.Not.Contain("s3cret-pw"));
        });
    }

    [Test]
    public void Describe_ConnectionStringWithPassword_PasswordLeftOut()
    {
        var text = PostgresStore.DescribeWithoutSecrets("Host=db.example;Port=5433;Database=thiot;Username=cloud;Password=s3cret-pw");
        Assert.That(text, Is.EqualTo("PostgreSQL db.example:5433/thiot as cloud"));
    }

    private static List<StoredReading> Readings(string device, long firstSeq, int count, DateTimeOffset day) =>
        Enumerable.Range(0, count).Select(i => new StoredReading(device, firstSeq + i, "battery_v", day.AddSeconds(firstSeq + i), 48, Quality.Good, day)).ToList();

    private static Task<List<string>> PartitionsAsync(PostgresDatabase db) => db.ColumnAsync("""
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'reading_blocks'::regclass AND c.relname <> 'reading_blocks_default' ORDER BY c.relname
        """);
}
