namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// The schema, as an append-only list: never edit a migration that has shipped, add the next one.
/// Readings are stored as blocks (one row per device and hour, <see cref="ReadingBlocksMigration"/>),
/// range-partitioned by the block's hour (daily partitions made by <see cref="PartitionMaintenance"/>, a
/// default partition catching anything outside them).
/// Deduplication by (device, sequence) cannot be a unique key on a table partitioned by time (the key
/// would have to include the timestamp), so it is the <c>sequence_ledger</c>: per device, the set of
/// sequence numbers already stored, as an int8multirange that coalesces to a few ranges (see docs/deployment.md).
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "devices, ledger, readings, events, rejects", """
            CREATE TABLE devices (
                device_id        text PRIMARY KEY,
                online           boolean NOT NULL DEFAULT false,
                session          bigint NOT NULL DEFAULT 0,
                first_seen       timestamptz NOT NULL,
                last_seen        timestamptz,
                state_changed_at timestamptz,
                offline_reason   text,
                firmware         text,
                site             text,
                channels         jsonb NOT NULL DEFAULT '{}'
            );
            CREATE INDEX devices_online ON devices (device_id) WHERE online;

            CREATE TABLE sequence_ledger (
                device_id text PRIMARY KEY,
                seen      int8multirange NOT NULL DEFAULT '{}'
            );

            CREATE TABLE readings (
                device_id   text NOT NULL,
                seq         bigint NOT NULL,
                channel     text NOT NULL,
                ts          timestamptz NOT NULL,
                value       double precision NOT NULL,
                quality     smallint NOT NULL,
                received_at timestamptz NOT NULL
            ) PARTITION BY RANGE (ts);
            CREATE TABLE readings_default PARTITION OF readings DEFAULT;
            CREATE INDEX readings_device_ts ON readings (device_id, ts, seq);
            CREATE INDEX readings_device_channel_ts ON readings (device_id, channel, ts, seq);

            CREATE TABLE events (
                device_id   text NOT NULL,
                seq         bigint NOT NULL,
                ts          timestamptz NOT NULL,
                code        text NOT NULL,
                action      smallint NOT NULL,
                severity    smallint NOT NULL,
                channel     text,
                message     text,
                vals        jsonb,
                received_at timestamptz NOT NULL,
                PRIMARY KEY (device_id, seq)
            );
            CREATE INDEX events_device_ts ON events (device_id, ts, seq);

            CREATE TABLE reject_counts (
                device_id text NOT NULL,
                reason    text NOT NULL,
                n         bigint NOT NULL,
                PRIMARY KEY (device_id, reason)
            );
            CREATE TABLE reject_recent (
                id        bigserial PRIMARY KEY,
                device_id text NOT NULL,
                reason    text NOT NULL,
                field     text NOT NULL,
                detail    text NOT NULL,
                topic     text NOT NULL,
                at        timestamptz NOT NULL
            );
            CREATE INDEX reject_recent_device ON reject_recent (device_id, id);

            CREATE TABLE store_health (node text PRIMARY KEY, at timestamptz NOT NULL);
            """),
        new(2, "leases and singleton job runs", """
            CREATE TABLE leases (
                name       text PRIMARY KEY,
                holder     text NOT NULL,
                expires_at timestamptz NOT NULL
            );
            CREATE TABLE job_runs (
                job        text NOT NULL,
                period     bigint NOT NULL,
                holder     text NOT NULL,
                started_at timestamptz NOT NULL,
                PRIMARY KEY (job, period)
            );
            CREATE TABLE cluster_probe (
                period bigint NOT NULL,
                node   text NOT NULL,
                at     timestamptz NOT NULL
            );
            """),
        Security.Postgres.SecurityMigration.Create(3),
        Commands.Postgres.CommandTablesMigration.Create(4),
        Rollouts.Postgres.RolloutTablesMigration.Create(5),
        new(6, "time quality of readings and events (gateways without a real-time clock)", """
            ALTER TABLE readings ADD COLUMN time_quality smallint NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN time_quality smallint NOT NULL DEFAULT 0;
            """),
        ReadingBlocksMigration.Create(7),
        Dashboard.Postgres.DashboardTablesMigration.Create(8),
        new(9, "room on each page for the rows every telemetry group rewrites (devices, sequence_ledger), so updates stay HOT", """
            ALTER TABLE devices SET (fillfactor = 50);
            ALTER TABLE sequence_ledger SET (fillfactor = 50);
            """),
    ];
}
