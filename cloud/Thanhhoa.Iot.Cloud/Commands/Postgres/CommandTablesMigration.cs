using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Commands.Postgres;

/// <summary>
/// The command and desired-configuration tables (appended to <see cref="PostgresMigrations.All"/>). The whole
/// record travels as jsonb; the columns the queries filter and sort on are copied beside it and indexed.
/// </summary>
internal static class CommandTablesMigration
{
    public static Migration Create(int version) => new(version, "commands, configuration groups and device configurations", """
        CREATE TABLE commands (
            id         text PRIMARY KEY,
            device_id  text NOT NULL,
            state      smallint NOT NULL,
            batch_id   text,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            publishes  integer NOT NULL,
            doc        jsonb NOT NULL
        );
        CREATE INDEX commands_device_state ON commands (device_id, state);
        CREATE INDEX commands_open_expiry ON commands (expires_at) WHERE state IN (0, 1);
        CREATE INDEX commands_unpublished ON commands (created_at) WHERE state = 0 AND publishes = 0;
        CREATE INDEX commands_batch ON commands (batch_id) WHERE batch_id IS NOT NULL;
        CREATE INDEX commands_created ON commands (created_at);

        CREATE TABLE config_groups (
            name text PRIMARY KEY,
            doc  jsonb NOT NULL
        );
        CREATE TABLE device_configs (
            device_id  text PRIMARY KEY,
            group_name text,
            doc        jsonb NOT NULL
        );
        CREATE INDEX device_configs_group ON device_configs (group_name) WHERE group_name IS NOT NULL;
        """);
}
