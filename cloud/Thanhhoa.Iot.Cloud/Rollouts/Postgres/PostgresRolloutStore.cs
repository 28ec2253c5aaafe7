using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Rollouts.Postgres;

/// <summary>
/// Rollouts in PostgreSQL (tables <c>rollouts</c>, <c>rollout_devices</c>), shared by every cloud node: the wave job
/// on one node, report ingest on another and the API on a third read and change the same records. Updates lock the
/// row (<c>SELECT … FOR UPDATE</c>) so none of them overwrites another's change.
/// </summary>
public sealed class PostgresRolloutStore(PostgresStore store) : IRolloutStore
{
    private const string DeviceOrder = "ORDER BY wave, device_id COLLATE \"C\"";

    public Task InsertAsync(Rollout rollout, IReadOnlyList<RolloutDevice> devices, string downloadToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(devices);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using (var insert = PostgresStore.Command(
                    "INSERT INTO rollouts (id, created_at, download_token, doc) VALUES (@id, @created, @token, @doc)", connection, tx))
                {
                    insert.Parameters.AddWithValue("id", rollout.Id);
                    insert.Parameters.AddWithValue("created", rollout.CreatedAt.UtcDateTime);
                    insert.Parameters.AddWithValue("token", downloadToken);
                    insert.Parameters.Add(Doc(rollout));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await UpsertDevicesAsync(connection, tx, devices, cancellationToken).ConfigureAwait(false);
                return devices.Count;
            },
            cancellationToken);
    }

    public async Task<Rollout?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadAsync("SELECT doc FROM rollouts WHERE id = @id", p => p.AddWithValue("id", id), ReadRollout, cancellationToken).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync("SELECT doc FROM rollouts ORDER BY created_at DESC, id DESC", null, ReadRollout, cancellationToken).ConfigureAwait(false);

    public Task<(Rollout? Before, Rollout? After)> UpdateAsync(string id, Func<Rollout, Rollout?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var select = PostgresStore.Command("SELECT doc FROM rollouts WHERE id = @id FOR UPDATE", connection, tx);
                select.Parameters.AddWithValue("id", id);
                var before = (await select.ReadAsync(ReadRollout, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
                if (before is null || change(before) is not { } after)
                {
                    return (before, (Rollout?)null);
                }

                await using var update = PostgresStore.Command("UPDATE rollouts SET doc = @doc WHERE id = @id", connection, tx);
                update.Parameters.AddWithValue("id", id);
                update.Parameters.Add(Doc(after));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return (before, after);
            },
            cancellationToken);
    }

    public async Task<string?> DownloadTokenAsync(string id, CancellationToken cancellationToken) =>
        (await store.ReadAsync("SELECT download_token FROM rollouts WHERE id = @id", p => p.AddWithValue("id", id), r => r.GetString(0), cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public async Task<Rollout?> FindByDownloadTokenAsync(string token, CancellationToken cancellationToken) =>
        (await store.ReadAsync("SELECT doc FROM rollouts WHERE download_token = @t", p => p.AddWithValue("t", token), ReadRollout, cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public async Task<IReadOnlyList<RolloutDevice>> ListDevicesAsync(string rolloutId, CancellationToken cancellationToken) =>
        await store.ReadAsync($"SELECT doc FROM rollout_devices WHERE rollout_id = @r {DeviceOrder}", p => p.AddWithValue("r", rolloutId), ReadDevice, cancellationToken)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<RolloutDevice>> ListByDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        await store.ReadAsync("SELECT doc FROM rollout_devices WHERE device_id = @d", p => p.AddWithValue("d", deviceId), ReadDevice, cancellationToken)
            .ConfigureAwait(false);

    public async Task<RolloutDevice?> GetDeviceAsync(string rolloutId, string deviceId, CancellationToken cancellationToken) =>
        (await store.ReadAsync("SELECT doc FROM rollout_devices WHERE rollout_id = @r AND device_id = @d", p => Key(p, rolloutId, deviceId), ReadDevice, cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public Task<RolloutDevice?> UpdateDeviceAsync(string rolloutId, string deviceId, Func<RolloutDevice, RolloutDevice?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var select = PostgresStore.Command(
                    "SELECT doc FROM rollout_devices WHERE rollout_id = @r AND device_id = @d FOR UPDATE", connection, tx);
                Key(select.Parameters, rolloutId, deviceId);
                var before = (await select.ReadAsync(ReadDevice, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
                if (before is null || change(before) is not { } after)
                {
                    return null;
                }

                await UpsertDevicesAsync(connection, tx, [after], cancellationToken).ConfigureAwait(false);
                return after;
            },
            cancellationToken);
    }

    public Task SaveDevicesAsync(IReadOnlyList<RolloutDevice> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                await UpsertDevicesAsync(connection, tx, devices, cancellationToken).ConfigureAwait(false);
                return devices.Count;
            },
            cancellationToken);
    }

    private static async Task UpsertDevicesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<RolloutDevice> devices, CancellationToken cancellationToken)
    {
        if (devices.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection, tx);
        await using (batch.ConfigureAwait(false))
        {
            // In key order, so two transactions writing overlapping sets lock rows in the same order.
            foreach (var d in devices.OrderBy(d => d.RolloutId, StringComparer.Ordinal).ThenBy(d => d.DeviceId, StringComparer.Ordinal))
            {
                var upsert = new NpgsqlBatchCommand(
                    "INSERT INTO rollout_devices (rollout_id, device_id, wave, doc) VALUES (@r, @d, @wave, @doc) " +
                    "ON CONFLICT (rollout_id, device_id) DO UPDATE SET wave = excluded.wave, doc = excluded.doc");
                Key(upsert.Parameters, d.RolloutId, d.DeviceId);
                upsert.Parameters.AddWithValue("wave", d.Wave);
                upsert.Parameters.Add(new NpgsqlParameter("doc", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(d, RolloutJson.Default.RolloutDevice) });
                batch.BatchCommands.Add(upsert);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Key(NpgsqlParameterCollection p, string rolloutId, string deviceId)
    {
        p.AddWithValue("r", rolloutId);
        p.AddWithValue("d", deviceId);
    }

    private static NpgsqlParameter Doc(Rollout r) => new("doc", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(r, RolloutJson.Default.Rollout) };

    private static Rollout ReadRollout(NpgsqlDataReader r) => JsonSerializer.Deserialize(r.GetString(0), RolloutJson.Default.Rollout)!;

    private static RolloutDevice ReadDevice(NpgsqlDataReader r) => JsonSerializer.Deserialize(r.GetString(0), RolloutJson.Default.RolloutDevice)!;
}
