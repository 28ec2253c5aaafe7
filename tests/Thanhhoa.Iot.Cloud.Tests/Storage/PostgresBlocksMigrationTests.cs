using Npgsql;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>Migration 7: the readings a database at migration 6 holds become blocks, read back identical.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresBlocksMigrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = TestMessages.T0;

    [Test]
    public async Task Migrate7_ReadingsOfMigration6_ConvertedToBlocksAndReadBackIdentical()
    {
        var db = await PostgresDatabase.CreateAsync("blocks7");
        await MigrateToAsync(db, 6);
        await db.ExecuteAsync("""
            CREATE TABLE readings_p20261126 PARTITION OF readings FOR VALUES FROM ('2026-11-26 00:00:00+00') TO ('2026-11-27 00:00:00+00');
            """);
        var old = OldReadings();
        await InsertOldAsync(db, old);

        await using var store = await db.OpenAsync();
        var telemetry = new PostgresTelemetryStore(store);
        var back = new List<StoredReading>();
        foreach (var device in new[] { "gw-1", "gw-2" })
        {
            back.AddRange(await telemetry.QueryReadingsAsync(new TelemetryQuery(device, null, T0.AddDays(-1), T0.AddDays(30), 1000), None));
        }

        var expected = old.OrderBy(r => r.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Timestamp).ThenBy(r => r.Seq).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(back, Is.EqualTo(expected));
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks"), Is.EqualTo(5),
                "gw-1: 11:00 (two arrivals), 12:00, a day far ahead; gw-2: 11:00");
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM reading_blocks_p20261126"), Is.EqualTo(4), "the old day partition has its block partition");
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM readings"), Is.EqualTo(old.Count), "the view unnests one row per reading");
            Assert.That(await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'readings_p20261126'"), Is.Zero);
        });
    }

    private static List<StoredReading> OldReadings()
    {
        var later = T0.AddSeconds(30);
        var rows = new List<StoredReading>();
        for (var i = 0; i < 6; i++)
        {
            rows.Add(new StoredReading("gw-1", 10 + i, i % 2 == 0 ? "battery_v" : "temp_c", T0.AddMinutes(50 - i), 48.5 + i, Quality.Good, T0));
        }

        rows.Add(new StoredReading("gw-1", 20, "battery_v", T0.AddMinutes(20), 1, Quality.Bad, later, TimeQuality.Unsynced)); // second arrival, same hour
        rows.Add(new StoredReading("gw-1", 21, "door", T0.AddMinutes(61), 0, Quality.Uncertain, later));
        rows.Add(new StoredReading("gw-1", 22, "battery_v", T0.AddDays(20), 2, Quality.Good, later)); // clock far ahead: default partition
        rows.Add(new StoredReading("gw-2", 1, "battery_v", T0.AddMinutes(1), 3, Quality.Good, T0));
        rows.Add(new StoredReading("gw-2", 2, "battery_v", T0.AddMinutes(1), 4, Quality.Good, T0)); // same timestamp: by sequence
        return rows;
    }

    private static async Task MigrateToAsync(PostgresDatabase db, int version)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await PostgresMigrator.MigrateAsync(connection, PostgresMigrations.All.Where(m => m.Version <= version).ToList(), null, None);
    }

    private static async Task InsertOldAsync(PostgresDatabase db, List<StoredReading> rows)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        foreach (var r in rows)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO readings (device_id, seq, channel, ts, value, quality, received_at, time_quality) VALUES (@d, @s, @c, @t, @v, @q, @r, @tq)", connection);
            command.Parameters.AddWithValue("d", r.DeviceId);
            command.Parameters.AddWithValue("s", r.Seq);
            command.Parameters.AddWithValue("c", r.Channel);
            command.Parameters.AddWithValue("t", r.Timestamp.UtcDateTime);
            command.Parameters.AddWithValue("v", r.Value);
            command.Parameters.AddWithValue("q", (short)r.Quality);
            command.Parameters.AddWithValue("r", r.ReceivedAt.UtcDateTime);
            command.Parameters.AddWithValue("tq", (short)r.TimeQuality);
            await command.ExecuteNonQueryAsync();
        }
    }
}
