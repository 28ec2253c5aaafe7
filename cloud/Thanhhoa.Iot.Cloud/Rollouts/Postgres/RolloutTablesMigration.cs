using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Rollouts.Postgres;

/// <summary>
/// Rollouts, their devices, artifact metadata and control sequence numbers (appended to
/// <see cref="PostgresMigrations.All"/>). Rollout records travel as jsonb beside the columns the queries use.
/// </summary>
internal static class RolloutTablesMigration
{
    public static Migration Create(int version) => new(version, "rollouts, rollout devices, artifacts, control sequence numbers", """
        CREATE TABLE rollouts (
            id             text PRIMARY KEY,
            created_at     timestamptz NOT NULL,
            download_token text NOT NULL UNIQUE,
            doc            jsonb NOT NULL
        );
        CREATE TABLE rollout_devices (
            rollout_id text NOT NULL,
            device_id  text NOT NULL,
            wave       integer NOT NULL,
            doc        jsonb NOT NULL,
            PRIMARY KEY (rollout_id, device_id)
        );
        CREATE INDEX rollout_devices_device ON rollout_devices (device_id);

        CREATE TABLE artifacts (
            id          text PRIMARY KEY,
            version     text NOT NULL,
            hardware    text NOT NULL,
            size        bigint NOT NULL,
            sha256      text NOT NULL,
            notes       text,
            uploaded_at timestamptz NOT NULL,
            uploaded_by text NOT NULL
        );

        CREATE TABLE control_seqs (
            device_id text NOT NULL,
            seq       bigint NOT NULL,
            PRIMARY KEY (device_id, seq)
        );
        """);
}
