using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The statements of one group commit of telemetry messages, inside the caller's transaction, in two round trips
/// (three when the blocks go by binary COPY, see <see cref="ReadingBlockRows"/>): first lock and read the senders'
/// ledger rows, then their device rows (each in device order, devices always after ledgers, so concurrent groups
/// on several nodes never deadlock); then, in one batch, the new <see cref="ReadingBlock"/> rows (only readings no
/// earlier write stored), one ledger update for every sender, and one update of last seen and the newest value per
/// channel for every sender, which returns the version each row now has (<see cref="DeviceRowVersion"/>).
/// </summary>
internal static class ReadingsGroupTransaction
{
    private const string LockLedgersThenDevices = $"""
        {PostgresTelemetryStore.LockLedger};
        INSERT INTO devices (device_id, first_seen) SELECT * FROM unnest(@ids::text[], @at::timestamptz[]) AS v(id, at) ORDER BY id ON CONFLICT DO NOTHING;
        SELECT {DeviceRows.Columns} FROM devices WHERE device_id = ANY(@ids) ORDER BY device_id FOR UPDATE
        """;

    private const string UpdateDevices = """
        UPDATE devices d SET last_seen = v.last, channels = v.ch::jsonb
        FROM unnest(@ids::text[], @last::timestamptz[], @ch::text[]) AS v(id, last, ch) WHERE d.device_id = v.id
        RETURNING d.device_id, d.xmin, d.last_seen
        """;

    /// <summary>Runs the group; each write's <see cref="PendingReadings.Result"/> is set (valid once the transaction commits).</summary>
    public static async Task<int> RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<PendingReadings> writes, CancellationToken cancellationToken)
    {
        var senders = Senders.Of(writes);
        var (ledgers, states) = await LockAsync(connection, tx, senders, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, tx);
        var fresh = await AppendAsync(connection, batch, writes, ledgers, cancellationToken).ConfigureAwait(false);
        UpdateRegistry(batch, writes, senders, states);
        var versions = await ExecuteAsync(batch, senders.Devices.Length, cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            write.RowVersion = versions[write.DeviceId];
        }

        return fresh;
    }

    /// <summary>Sends the batch; returns the version of each device row it wrote (the registry update is the one statement returning rows).</summary>
    private static async Task<Dictionary<string, DeviceRowVersion>> ExecuteAsync(NpgsqlBatch batch, int devices, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, DeviceRowVersion>(devices, StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        do
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions[reader.GetString(0)] = DeviceRowVersion.Read(reader, 1);
            }
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        return versions;
    }

    /// <summary>
    /// One round trip: creates missing ledger and device rows and locks them, ledgers first, each in device order,
    /// and reads them.
    /// </summary>
    private static async Task<(Dictionary<string, SequenceRanges> Ledgers, Dictionary<string, DeviceState> States)> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Senders senders, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(LockLedgersThenDevices, connection, tx);
        command.Parameters.AddWithValue("ids", senders.Devices);
        command.Parameters.AddWithValue("at", senders.Devices.Select(d => senders.FirstSeenAt(d).UtcDateTime).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ledgers = new Dictionary<string, SequenceRanges>(senders.Devices.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ledgers[reader.GetString(0)] = SequenceLedger.From(reader.GetFieldValue<NpgsqlRange<long>[]>(1));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var states = new Dictionary<string, DeviceState>(senders.Devices.Length, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = DeviceRows.Read(reader);
            states[state.DeviceId] = state;
        }

        return (ledgers, states);
    }

    /// <summary>Keeps each write's fresh readings; copies their blocks now or adds them to <paramref name="batch"/>, and adds the ledger update.</summary>
    private static async Task<int> AppendAsync(
        NpgsqlConnection connection, NpgsqlBatch batch, IReadOnlyList<PendingReadings> writes, Dictionary<string, SequenceRanges> ledgers,
        CancellationToken cancellationToken)
    {
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

        await ReadingBlockRows.WriteMessagesAsync(connection, batch, messages, cancellationToken).ConfigureAwait(false);
        var update = new NpgsqlBatchCommand(PostgresTelemetryStore.AddToLedger);
        update.Parameters.AddWithValue("ids", added.Keys.ToArray());
        update.Parameters.AddWithValue("added", added.Values.Select(s => SequenceLedger.MultirangeText(s)).ToArray());
        batch.BatchCommands.Add(update);
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

    /// <summary>Applies each device's writes to its locked row and adds the one update of all rows to <paramref name="batch"/>.</summary>
    private static void UpdateRegistry(NpgsqlBatch batch, IReadOnlyList<PendingReadings> writes, Senders senders, Dictionary<string, DeviceState> states)
    {
        var devices = senders.Devices;
        var next = new DeviceState[devices.Length];
        for (var i = 0; i < devices.Length; i++)
        {
            next[i] = RegistryReadings.Apply(states[devices[i]], senders.WritesOf(devices[i]).Select(w => (w.Readings, w.SeenAt)));
            states[devices[i]] = next[i];
        }

        foreach (var write in writes)
        {
            write.Device = states[write.DeviceId];
        }

        var update = new NpgsqlBatchCommand(UpdateDevices);
        update.Parameters.AddWithValue("ids", devices);
        update.Parameters.AddWithValue("last", next.Select(s => s.LastSeen!.Value.UtcDateTime).ToArray());
        update.Parameters.AddWithValue("ch", next.Select(s => ChannelsJson.Write(s.Channels)).ToArray());
        batch.BatchCommands.Add(update);
    }
}
