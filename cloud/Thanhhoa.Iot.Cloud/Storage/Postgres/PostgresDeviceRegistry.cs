using Npgsql;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Device registry and live state in PostgreSQL. Each change is a read-modify-write of one row under
/// <c>SELECT ... FOR UPDATE</c>, with the same rules (<see cref="LinkStateRules"/>, newest value per
/// channel) as the LiteDB registry, so two nodes updating one device serialise on its row.
/// </summary>
public sealed class PostgresDeviceRegistry(PostgresStore store) : IDeviceRegistry
{
    private const string LockDevice = $"""
        INSERT INTO devices (device_id, first_seen) VALUES (@id, @at) ON CONFLICT DO NOTHING;
        SELECT {DeviceRows.Columns} FROM devices WHERE device_id = @id FOR UPDATE
        """;

    public async Task<DeviceState?> GetAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {DeviceRows.Columns} FROM devices WHERE device_id = @id");
        command.Parameters.AddWithValue("id", deviceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? DeviceRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<DeviceState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT {DeviceRows.Columns} FROM devices ORDER BY device_id COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var all = new List<DeviceState>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(DeviceRows.Read(reader));
        }

        return all;
    }

    public Task RecordReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return UpdateAsync(deviceId, seenAt, state => RegistryReadings.Apply(state, readings, seenAt), cancellationToken);
    }

    public Task TouchAsync(string deviceId, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        UpdateAsync(deviceId, seenAt, state => state with { LastSeen = RegistryReadings.Later(state.LastSeen, seenAt) }, cancellationToken);

    public Task<bool> ApplyLinkAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return UpdateAsync(deviceId, update.At, state => LinkStateRules.Apply(state, update), cancellationToken);
    }

    public Task<int> MarkAllOfflineAsync(string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync(
            async (connection, tx) =>
            {
                await using var command = PostgresStore.Command(
                    "UPDATE devices SET online = false, offline_reason = @reason, state_changed_at = @at WHERE online", connection, tx);
                command.Parameters.AddWithValue("reason", reason);
                command.Parameters.AddWithValue("at", at.UtcDateTime);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Loads (creating it if new) and locks the device row, applies <paramref name="change"/>; null from it means "no change".</summary>
    private Task<bool> UpdateAsync(string deviceId, DateTimeOffset at, Func<DeviceState, DeviceState?> change, CancellationToken cancellationToken) =>
        store.InTransactionAsync(
            async (connection, tx) =>
            {
                DeviceState current;
                await using (var select = PostgresStore.Command(LockDevice, connection, tx))
                {
                    select.Parameters.AddWithValue("id", deviceId);
                    select.Parameters.AddWithValue("at", at.UtcDateTime);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    current = DeviceRows.Read(reader);
                }

                var next = change(current);
                if (next is null)
                {
                    return false;
                }

                await using var update = PostgresStore.Command(DeviceRows.Update, connection, tx);
                DeviceRows.Bind(update, next);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
}
