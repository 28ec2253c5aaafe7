using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Readings (as <see cref="ReadingBlock"/>s, one row per device, hour and arrival, partitioned by hour) and
/// events in PostgreSQL. Every append is one transaction: lock the senders' <c>sequence_ledger</c> rows (in
/// device order, so concurrent appends on several nodes never deadlock), keep only numbers the ledger does
/// not hold, write them (readings as blocks) and add them to the ledger. Two nodes storing the same redelivered message therefore store it once.
/// </summary>
public sealed class PostgresTelemetryStore(PostgresStore store) : ITelemetryStore
{
    internal const string LockLedger = """
        INSERT INTO sequence_ledger (device_id) SELECT d FROM unnest(@ids::text[]) AS d ORDER BY d ON CONFLICT DO NOTHING;
        SELECT device_id, seen FROM sequence_ledger WHERE device_id = ANY(@ids) ORDER BY device_id FOR UPDATE
        """;

    internal const string AddToLedger = """
        UPDATE sequence_ledger l SET seen = l.seen + v.added::int8multirange
        FROM unnest(@ids::text[], @added::text[]) AS v(id, added) WHERE l.device_id = v.id
        """;

    private const string InsertEvents = """
        INSERT INTO events (device_id, seq, ts, code, action, severity, channel, message, vals, received_at, time_quality)
        SELECT d, s, t, code, a, sev, ch, m, vals::jsonb, r, tq
        FROM unnest(@d::text[], @s::int8[], @t::timestamptz[], @code::text[], @a::int2[], @sev::int2[], @ch::text[], @m::text[], @vals::text[], @r::timestamptz[], @tq::int2[])
            AS x(d, s, t, code, a, sev, ch, m, vals, r, tq)
        ON CONFLICT (device_id, seq) DO NOTHING
        """;

    private const string EventColumns = "device_id, seq, ts, code, action, severity, channel, message, vals::text, received_at, time_quality";

    public Task<AppendResult> AppendReadingsAsync(IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return AppendAsync(readings, r => r.DeviceId, r => r.Seq, ReadingBlockRows.WriteAsync, cancellationToken);
    }

    public Task<AppendResult> AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return AppendAsync(events, e => e.DeviceId, e => e.Seq, InsertEventsAsync, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredReading>> QueryReadingsAsync(TelemetryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (firstHour, lastHour) = ReadingBlock.Hours(query);
        var sql = $"SELECT {ReadingBlockRows.ReadColumns} FROM reading_blocks WHERE device_id = @d AND hour BETWEEN @h1 AND @h2"
                  + (query.Channel is null ? string.Empty : " AND @c = ANY(channel_names)") + " ORDER BY hour";
        await using var command = store.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("d", query.DeviceId);
        command.Parameters.AddWithValue("h1", firstHour.UtcDateTime);
        command.Parameters.AddWithValue("h2", lastHour.UtcDateTime);
        if (query.Channel is not null)
        {
            command.Parameters.AddWithValue("c", query.Channel);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var blocks = new List<ReadingBlock>();
        var matched = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var block = ReadingBlockRows.Read(reader);

            // Blocks come by hour and never span one: once an hour ends with Limit readings, later hours cannot be in the answer.
            if (matched >= query.Limit && (blocks.Count == 0 || block.Hour != blocks[^1].Hour))
            {
                break;
            }

            blocks.Add(block);
            matched += ReadingBlock.Select([block], query).Count;
        }

        return ReadingBlock.Select(blocks, query);
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

    internal static async Task<Dictionary<string, SequenceRanges>> LockLedgersAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string[] devices, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(LockLedger, connection, tx);
        command.Parameters.AddWithValue("ids", devices);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ledgers = new Dictionary<string, SequenceRanges>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ledgers[reader.GetString(0)] = SequenceLedger.From(reader.GetFieldValue<NpgsqlRange<long>[]>(1));
        }

        return ledgers;
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
