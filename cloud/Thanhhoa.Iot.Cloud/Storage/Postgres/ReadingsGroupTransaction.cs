using System.Runtime.InteropServices;
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
        var senders = Senders.Of(writes);
        var fresh = await AppendAsync(connection, tx, writes, senders.Devices, cancellationToken).ConfigureAwait(false);
        await UpdateRegistryAsync(connection, tx, writes, senders, cancellationToken).ConfigureAwait(false);
        return fresh;
    }

    private static async Task<int> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, string[] devices, CancellationToken cancellationToken)
    {
        var ledgers = await PostgresTelemetryStore.LockLedgersAsync(connection, tx, devices, cancellationToken).ConfigureAwait(false);
        var messages = new List<IReadOnlyList<StoredReading>>(writes.Count);
        var added = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var fresh = 0;
        foreach (var write in writes)
        {
            var kept = KeepFresh(write.Readings, ledgers[write.DeviceId]);
            write.Result = new AppendResult(kept.Count, write.Readings.Count - kept.Count);
            if (kept.Count == 0)
            {
                continue;
            }

            messages.Add(kept);
            fresh += kept.Count;
            ref var seqs = ref CollectionsMarshal.GetValueRefOrAddDefault(added, write.DeviceId, out _);
            seqs ??= new List<long>(kept.Count);
            foreach (var r in kept)
            {
                seqs.Add(r.Seq);
            }
        }

        if (fresh == 0)
        {
            return 0;
        }

        await ReadingBlockRows.WriteMessagesAsync(connection, tx, messages, cancellationToken).ConfigureAwait(false);

        await using var update = PostgresStore.Command(PostgresTelemetryStore.AddToLedger, connection, tx);
        update.Parameters.AddWithValue("ids", added.Keys.ToArray());
        update.Parameters.AddWithValue("added", added.Values.Select(s => SequenceLedger.MultirangeText(s)).ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return fresh;
    }

    /// <summary>
    /// The readings whose sequence the ledger does not hold, added to it as they are kept: the first write of a
    /// (device, sequence) wins, whether the other was stored before or came earlier in this group or message.
    /// </summary>
    private static IReadOnlyList<StoredReading> KeepFresh(IReadOnlyList<StoredReading> readings, SequenceRanges ledger)
    {
        List<StoredReading>? kept = null; // allocated at the first duplicate; until then every reading is kept
        for (var i = 0; i < readings.Count; i++)
        {
            if (ledger.Add(readings[i].Seq))
            {
                kept?.Add(readings[i]);
            }
            else
            {
                kept ??= [.. readings.Take(i)];
            }
        }

        return kept ?? readings;
    }

    private static async Task UpdateRegistryAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, Senders senders, CancellationToken cancellationToken)
    {
        var states = await LockDevicesAsync(connection, tx, senders, cancellationToken).ConfigureAwait(false);
        var devices = senders.Devices;
        var next = new DeviceState[devices.Length];
        for (var i = 0; i < devices.Length; i++)
        {
            next[i] = Apply(states[devices[i]], senders.WritesOf(devices[i]));
            states[devices[i]] = next[i];
        }

        foreach (var write in writes)
        {
            write.Device = states[write.DeviceId];
        }

        await using var update = PostgresStore.Command(UpdateDevices, connection, tx);
        update.Parameters.AddWithValue("ids", devices);
        update.Parameters.AddWithValue("last", next.Select(s => s.LastSeen!.Value.UtcDateTime).ToArray());
        update.Parameters.AddWithValue("ch", next.Select(s => ChannelsJson.Write(s.Channels)).ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="RegistryReadings.Apply"/> for all of a device's writes in the group at once (one copy of its
    /// channels, no value made for a reading that is not its channel's newest).
    /// </summary>
    private static DeviceState Apply(DeviceState state, IReadOnlyList<PendingReadings> writes)
    {
        var channels = new Dictionary<string, ChannelValue>(state.Channels, StringComparer.Ordinal);
        var lastSeen = state.LastSeen;
        foreach (var write in writes)
        {
            foreach (var r in write.Readings)
            {
                // Newer by sequence, as ChannelValue.IsNewerThan decides.
                if (!channels.TryGetValue(r.Channel, out var held) || r.Seq > held.Seq)
                {
                    channels[r.Channel] = new ChannelValue(r.Value, r.Timestamp, r.Quality, r.Seq);
                }
            }

            lastSeen = RegistryReadings.Later(lastSeen, write.SeenAt);
        }

        return state with { Channels = channels, LastSeen = lastSeen };
    }

    private static async Task<Dictionary<string, DeviceState>> LockDevicesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Senders senders, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(LockDevices, connection, tx);
        command.Parameters.AddWithValue("ids", senders.Devices);
        command.Parameters.AddWithValue("at", senders.Devices.Select(d => senders.FirstSeenAt(d).UtcDateTime).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var states = new Dictionary<string, DeviceState>(senders.Devices.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = DeviceRows.Read(reader);
            states[state.DeviceId] = state;
        }

        return states;
    }
}
