using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Readings (partitioned by time) and events in PostgreSQL. Every append is one transaction: lock the
/// senders' <c>sequence_ledger</c> rows (in device order, so concurrent appends on several nodes never
/// deadlock), keep only numbers the ledger does not hold, insert them with one multi-row statement and
/// add them to the ledger. Two nodes storing the same redelivered message therefore store it once.
/// </summary>
public sealed class PostgresTelemetryStore(PostgresStore store) : ITelemetryStore
{
    private const string LockLedger = """
        INSERT INTO sequence_ledger (device_id) SELECT d FROM unnest(@ids::text[]) AS d ORDER BY d ON CONFLICT DO NOTHING;
        SELECT device_id, seen FROM sequence_ledger WHERE device_id = ANY(@ids) ORDER BY device_id FOR UPDATE
        """;

    internal const string AddToLedger = """
        UPDATE sequence_ledger l SET seen = l.seen + v.added::int8multirange
        FROM unnest(@ids::text[], @added::text[]) AS v(id, added) WHERE l.device_id = v.id
        """;

    private const string InsertReadings = """
        INSERT INTO readings (device_id, seq, channel, ts, value, quality, received_at, time_quality)
        SELECT * FROM unnest(@d::text[], @s::int8[], @c::text[], @t::timestamptz[], @v::float8[], @q::int2[], @r::timestamptz[], @tq::int2[])
        """;

    private const string CopyReadings = "COPY readings (device_id, seq, channel, ts, value, quality, received_at, time_quality) FROM STDIN (FORMAT BINARY)";

    private const string InsertEvents = """
        INSERT INTO events (device_id, seq, ts, code, action, severity, channel, message, vals, received_at, time_quality)
        SELECT d, s, t, code, a, sev, ch, m, vals::jsonb, r, tq
        FROM unnest(@d::text[], @s::int8[], @t::timestamptz[], @code::text[], @a::int2[], @sev::int2[], @ch::text[], @m::text[], @vals::text[], @r::timestamptz[], @tq::int2[])
            AS x(d, s, t, code, a, sev, ch, m, vals, r, tq)
        ON CONFLICT (device_id, seq) DO NOTHING
        """;

    private const string ReadingColumns = "device_id, seq, channel, ts, value, quality, received_at, time_quality";
    private const string EventColumns = "device_id, seq, ts, code, action, severity, channel, message, vals::text, received_at, time_quality";

    public Task<AppendResult> AppendReadingsAsync(IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return AppendAsync(readings, r => r.DeviceId, r => r.Seq, InsertReadingsAsync, cancellationToken);
    }

    public Task<AppendResult> AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return AppendAsync(events, e => e.DeviceId, e => e.Seq, InsertEventsAsync, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredReading>> QueryReadingsAsync(TelemetryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = $"SELECT {ReadingColumns} FROM readings WHERE device_id = @d AND ts BETWEEN @from AND @to"
                  + (query.Channel is null ? string.Empty : " AND channel = @c") + " ORDER BY ts, seq LIMIT @n";
        await using var command = Query(sql, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredReading>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StoredReading(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Time(reader, 3),
                reader.GetDouble(4), (Quality)reader.GetInt16(5), Time(reader, 6), (TimeQuality)reader.GetInt16(7)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(TelemetryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = $"SELECT {EventColumns} FROM events WHERE device_id = @d AND ts BETWEEN @from AND @to"
                  + (query.Channel is null ? string.Empty : " AND channel = @c") + " ORDER BY ts, seq LIMIT @n";
        await using var command = Query(sql, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ReadEvent(reader));
        }

        return rows;
    }

    public async IAsyncEnumerable<StoredEvent> EventsSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {EventColumns} FROM events WHERE ts >= @from");
        command.Parameters.AddWithValue("from", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(reader);
        }
    }

    private Task<AppendResult> AppendAsync<TRow>(
        IReadOnlyList<TRow> rows,
        Func<TRow, string> device,
        Func<TRow, long> seq,
        Func<NpgsqlConnection, NpgsqlTransaction, List<TRow>, CancellationToken, Task> insert,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.FromResult(new AppendResult(0, 0));
        }

        var devices = rows.Select(device).Distinct(StringComparer.Ordinal).ToArray();
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                var ledgers = await LockLedgersAsync(connection, tx, devices, cancellationToken).ConfigureAwait(false);
                var taken = new HashSet<(string, long)>();
                var fresh = rows.Where(r => !ledgers[device(r)].Contains(seq(r)) && taken.Add((device(r), seq(r)))).ToList();
                if (fresh.Count > 0)
                {
                    await insert(connection, tx, fresh, cancellationToken).ConfigureAwait(false);
                    var added = fresh.GroupBy(device).ToList();
                    await using var update = PostgresStore.Command(AddToLedger, connection, tx);
                    update.Parameters.AddWithValue("ids", added.Select(g => g.Key).ToArray());
                    update.Parameters.AddWithValue("added", added.Select(g => SequenceLedger.MultirangeText(g.Select(seq))).ToArray());
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return new AppendResult(fresh.Count, rows.Count - fresh.Count);
            },
            cancellationToken);
    }

    internal static async Task<Dictionary<string, SequenceLedger>> LockLedgersAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string[] devices, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(LockLedger, connection, tx);
        command.Parameters.AddWithValue("ids", devices);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ledgers = new Dictionary<string, SequenceLedger>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ledgers[reader.GetString(0)] = SequenceLedger.From(reader.GetFieldValue<NpgsqlRange<long>[]>(1));
        }

        return ledgers;
    }

    internal static async Task InsertReadingsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<StoredReading> rows, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(InsertReadings, connection, tx);
        command.Parameters.AddWithValue("d", rows.Select(r => r.DeviceId).ToArray());
        command.Parameters.AddWithValue("s", rows.Select(r => r.Seq).ToArray());
        command.Parameters.AddWithValue("c", rows.Select(r => r.Channel).ToArray());
        command.Parameters.AddWithValue("t", rows.Select(r => r.Timestamp.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("v", rows.Select(r => r.Value).ToArray());
        command.Parameters.AddWithValue("q", rows.Select(r => (short)r.Quality).ToArray());
        command.Parameters.AddWithValue("r", rows.Select(r => r.ReceivedAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("tq", rows.Select(r => (short)r.TimeQuality).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same rows as <see cref="InsertReadingsAsync"/> with binary COPY: far less work per row for large groups.</summary>
    internal static async Task CopyReadingsAsync(NpgsqlConnection connection, List<StoredReading> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyReadings, cancellationToken).ConfigureAwait(false);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.DeviceId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Seq, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Channel, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Value, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((short)r.Quality, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((short)r.TimeQuality, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertEventsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<StoredEvent> rows, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(InsertEvents, connection, tx);
        command.Parameters.AddWithValue("d", rows.Select(e => e.DeviceId).ToArray());
        command.Parameters.AddWithValue("s", rows.Select(e => e.Seq).ToArray());
        command.Parameters.AddWithValue("t", rows.Select(e => e.Timestamp.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("code", rows.Select(e => e.Code).ToArray());
        command.Parameters.AddWithValue("a", rows.Select(e => (short)e.Action).ToArray());
        command.Parameters.AddWithValue("sev", rows.Select(e => (short)e.Severity).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string?[]>("ch", rows.Select(e => e.Channel).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("m", rows.Select(e => e.Message).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("vals", rows.Select(e => e.Values is null ? null : JsonSerializer.Serialize(e.Values, PostgresJsonContext.Default.IReadOnlyDictionaryStringDouble)).ToArray()));
        command.Parameters.AddWithValue("r", rows.Select(e => e.ReceivedAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("tq", rows.Select(e => (short)e.TimeQuality).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Query(string sql, TelemetryQuery query)
    {
        var command = store.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("d", query.DeviceId);
        command.Parameters.AddWithValue("from", query.From.UtcDateTime);
        command.Parameters.AddWithValue("to", query.To.UtcDateTime);
        command.Parameters.AddWithValue("n", query.Limit);
        if (query.Channel is not null)
        {
            command.Parameters.AddWithValue("c", query.Channel);
        }

        return command;
    }

    private static StoredEvent ReadEvent(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), Time(reader, 2), reader.GetString(3), (EventAction)reader.GetInt16(4), (Severity)reader.GetInt16(5),
            Text(reader, 6), Text(reader, 7), Values(Text(reader, 8)), Time(reader, 9), (TimeQuality)reader.GetInt16(10));

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Dictionary<string, double>? Values(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, PostgresJsonContext.Default.DictionaryStringDouble);
}
