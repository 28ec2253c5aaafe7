using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.DesiredConfig.Postgres;

/// <summary>
/// Configuration groups and device configurations in PostgreSQL (tables <c>config_groups</c>, <c>device_configs</c>),
/// shared by every cloud node. A device update locks its row, so a report ingested on one node and a change made
/// through another node's API never overwrite each other.
/// </summary>
public sealed class PostgresDesiredConfigStore(PostgresStore store) : IDesiredConfigStore
{
    public async Task<IReadOnlyList<ConfigGroup>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT doc FROM config_groups ORDER BY name COLLATE \"C\"");
        return await ReadAllAsync(command, ConfigDocumentJson.Default.ConfigGroup, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConfigGroup?> GetGroupAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT doc FROM config_groups WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return (await ReadAllAsync(command, ConfigDocumentJson.Default.ConfigGroup, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public Task SaveGroupAsync(ConfigGroup group, CancellationToken cancellationToken) =>
        store.InTransactionAsync((connection, tx) => UpsertGroupAsync(connection, tx, group, cancellationToken), cancellationToken);

    public Task DeleteGroupAsync(string name, CancellationToken cancellationToken) =>
        store.ExecuteAsync("DELETE FROM config_groups WHERE name = @name", p => p.AddWithValue("name", name), cancellationToken);

    public async Task<DeviceConfig?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT doc FROM device_configs WHERE device_id = @id");
        command.Parameters.AddWithValue("id", deviceId);
        return (await ReadAllAsync(command, ConfigDocumentJson.Default.DeviceConfig, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<DeviceConfig>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT doc FROM device_configs ORDER BY device_id COLLATE \"C\"");
        return await ReadAllAsync(command, ConfigDocumentJson.Default.DeviceConfig, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeviceConfig>> ListMembersAsync(string group, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand("SELECT doc FROM device_configs WHERE group_name = @group ORDER BY device_id COLLATE \"C\"");
        command.Parameters.AddWithValue("group", group);
        return await ReadAllAsync(command, ConfigDocumentJson.Default.DeviceConfig, cancellationToken).ConfigureAwait(false);
    }

    public Task SaveAsync(IReadOnlyList<DeviceConfig> devices, ConfigGroup? group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                if (group is not null)
                {
                    await UpsertGroupAsync(connection, tx, group, cancellationToken).ConfigureAwait(false);
                }

                foreach (var device in devices)
                {
                    await UpsertDeviceAsync(connection, tx, device, cancellationToken).ConfigureAwait(false);
                }

                return devices.Count;
            },
            cancellationToken);
    }

    public Task<DeviceConfig> UpdateDeviceAsync(string deviceId, Func<DeviceConfig, DeviceConfig> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return store.InTransactionAsync(
            async (connection, tx) =>
            {
                // Make the row exist first, so FOR UPDATE has something to lock even for a device never configured.
                await using (var ensure = PostgresStore.Command(
                    "INSERT INTO device_configs (device_id, group_name, doc) VALUES (@id, NULL, @doc) ON CONFLICT (device_id) DO NOTHING", connection, tx))
                {
                    ensure.Parameters.AddWithValue("id", deviceId);
                    ensure.Parameters.Add(Doc(new DeviceConfig { DeviceId = deviceId }));
                    await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var select = PostgresStore.Command("SELECT doc FROM device_configs WHERE device_id = @id FOR UPDATE", connection, tx);
                select.Parameters.AddWithValue("id", deviceId);
                var current = (await ReadAllAsync(select, ConfigDocumentJson.Default.DeviceConfig, cancellationToken).ConfigureAwait(false)).Single();
                var changed = change(current);
                await UpsertDeviceAsync(connection, tx, changed, cancellationToken).ConfigureAwait(false);
                return changed;
            },
            cancellationToken);
    }

    private static async Task<int> UpsertGroupAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ConfigGroup group, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(
            "INSERT INTO config_groups (name, doc) VALUES (@name, @doc) ON CONFLICT (name) DO UPDATE SET doc = excluded.doc", connection, tx);
        command.Parameters.AddWithValue("name", group.Name);
        command.Parameters.Add(new NpgsqlParameter("doc", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(group, ConfigDocumentJson.Default.ConfigGroup) });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertDeviceAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DeviceConfig device, CancellationToken cancellationToken)
    {
        await using var command = PostgresStore.Command(
            "INSERT INTO device_configs (device_id, group_name, doc) VALUES (@id, @group, @doc) " +
            "ON CONFLICT (device_id) DO UPDATE SET group_name = excluded.group_name, doc = excluded.doc", connection, tx);
        command.Parameters.AddWithValue("id", device.DeviceId);
        command.Parameters.Add(new NpgsqlParameter("group", NpgsqlDbType.Text) { Value = (object?)device.Group ?? DBNull.Value });
        command.Parameters.Add(Doc(device));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Doc(DeviceConfig device) =>
        new("doc", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(device, ConfigDocumentJson.Default.DeviceConfig) };

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlCommand command, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        await command.ReadAsync(r => JsonSerializer.Deserialize(r.GetString(0), type)!, cancellationToken).ConfigureAwait(false);
}
