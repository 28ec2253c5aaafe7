using Npgsql;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The statements of one group commit of telemetry messages, inside the caller's transaction: lock the
/// senders' ledger rows (in device order), keep the readings no earlier write stored, write them as
/// <see cref="ReadingBlock"/> rows (binary COPY for large groups, see <see cref="ReadingBlockRows"/>), add them to the ledgers with one statement, then lock the senders' device rows (in
/// device order, always after the ledgers, so concurrent groups on several nodes never deadlock) and
/// write last seen and the newest value per channel with one statement.
/// </summary>
internal static class ReadingsGroupTransaction
{
    private const string LockDevices = $"""
        INSERT INTO devices (device_id, first_seen) SELECT * FROM unnest(@ids::text[], @at::timestamptz[]) AS v(id, at) ORDER BY id ON CONFLICT DO NOTHING;
        SELECT {DeviceRows.Columns} FROM devices WHERE device_id = ANY(@ids) ORDER BY device_id FOR UPDATE
        """;

    private const string UpdateDevices = """
        UPDATE devices d SET last_seen = v.last, channels = v.ch::jsonb
        FROM unnest(@ids::text[], @last::timestamptz[], @ch::text[]) AS v(id, last, ch) WHERE d.device_id = v.id
        """;

    /// <summary>Runs the group; each write's <see cref="PendingReadings.Result"/> is set (valid once the transaction commits).</summary>
    public static async Task<int> RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, CancellationToken cancellationToken)
    {
        var devices = writes.Select(w => w.DeviceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var fresh = await AppendAsync(connection, tx, writes, devices, cancellationToken).ConfigureAwait(false);
        await UpdateRegistryAsync(connection, tx, writes, devices, cancellationToken).ConfigureAwait(false);
        return fresh;
    }

    private static async Task<int> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, string[] devices, CancellationToken cancellationToken)
    {
        var ledgers = await PostgresTelemetryStore.LockLedgersAsync(connection, tx, devices, cancellationToken).ConfigureAwait(false);
        var taken = new HashSet<(string, long)>();
        var fresh = new List<StoredReading>();
        foreach (var write in writes)
        {
            var before = fresh.Count;
            foreach (var r in write.Readings)
            {
                // The first write of a (device, sequence) wins: stored before, or earlier in this group, means duplicate.
                if (!ledgers[r.DeviceId].Contains(r.Seq) && taken.Add((r.DeviceId, r.Seq)))
                {
                    fresh.Add(r);
                }
            }

            write.Result = new AppendResult(fresh.Count - before, write.Readings.Count - (fresh.Count - before));
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        await ReadingBlockRows.WriteAsync(connection, tx, fresh, cancellationToken).ConfigureAwait(false);

        var added = fresh.GroupBy(r => r.DeviceId, StringComparer.Ordinal).ToList();
        await using var update = PostgresStore.Command(PostgresTelemetryStore.AddToLedger, connection, tx);
        update.Parameters.AddWithValue("ids", added.Select(g => g.Key).ToArray());
        update.Parameters.AddWithValue("added", added.Select(g => SequenceLedger.MultirangeText(g.Select(r => r.Seq))).ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    private static async Task UpdateRegistryAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, string[] devices, CancellationToken cancellationToken)
    {
        var states = await LockDevicesAsync(connection, tx, writes, devices, cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            states[write.DeviceId] = RegistryReadings.Apply(states[write.DeviceId], write.Readings, write.SeenAt);
        }

        foreach (var write in writes)
        {
            write.Device = states[write.DeviceId];
        }

        await using var update = PostgresStore.Command(UpdateDevices, connection, tx);
        update.Parameters.AddWithValue("ids", devices);
        update.Parameters.AddWithValue("last", devices.Select(d => states[d].LastSeen!.Value.UtcDateTime).ToArray());
        update.Parameters.AddWithValue("ch", devices.Select(d => DeviceRows.ChannelsJson(states[d].Channels)).ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, DeviceState>> LockDevicesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, string[] devices, CancellationToken cancellationToken)
    {
        var firstSeen = writes.GroupBy(w => w.DeviceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(w => w.SeenAt), StringComparer.Ordinal);
        await using var command = PostgresStore.Command(LockDevices, connection, tx);
        command.Parameters.AddWithValue("ids", devices);
        command.Parameters.AddWithValue("at", devices.Select(d => firstSeen[d].UtcDateTime).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var states = new Dictionary<string, DeviceState>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = DeviceRows.Read(reader);
            states[state.DeviceId] = state;
        }

        return states;
    }
}
