namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>
/// Readings as blocks (appended to <see cref="PostgresMigrations.All"/>): one row per device, UTC hour and
/// arrival (<see cref="ReadingBlock"/>) in <c>reading_blocks</c>, partitioned by RANGE on <c>hour</c> (daily
/// partitions <c>reading_blocks_pYYYYMMDD</c> like the readings partitions before, a default partition),
/// one index (device_id, hour). The per-reading columns are plain arrays in block order (timestamp, then
/// sequence); <c>channel_idx</c> holds 1-based positions in <c>channel_names</c>. The view <c>readings</c>
/// unnests blocks to the old one-row-per-reading shape for operators (read only). The existing readings are
/// converted (one block per device, hour and arrival time) and the old table and its partitions dropped;
/// each old daily partition gets its block partition, so retention still drops whole days.
/// </summary>
internal static class ReadingBlocksMigration
{
    public static Migration Create(int version) => new(version, "readings stored as one row per device and hour (reading_blocks)", """
        CREATE TABLE reading_blocks (
            device_id     text NOT NULL,
            hour          timestamptz NOT NULL,
            first_seq     bigint NOT NULL,
            n             integer NOT NULL,
            received_at   timestamptz NOT NULL,
            channel_names text[] NOT NULL,
            seqs          int8[] NOT NULL,
            channel_idx   int2[] NOT NULL,
            ts            timestamptz[] NOT NULL,
            vals          float8[] NOT NULL,
            quality       int2[] NOT NULL,
            time_quality  int2[] NOT NULL
        ) PARTITION BY RANGE (hour);
        CREATE TABLE reading_blocks_default PARTITION OF reading_blocks DEFAULT;
        CREATE INDEX reading_blocks_device_hour ON reading_blocks (device_id, hour);

        DO $$
        DECLARE
            part record;
            day  text;
        BEGIN
            FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'readings'::regclass AND c.relname LIKE 'readings\_p%' LOOP
                day := substr(part.relname, length('readings_p') + 1);
                EXECUTE format('CREATE TABLE %I PARTITION OF reading_blocks FOR VALUES FROM (%L) TO (%L)',
                    'reading_blocks_p' || day,
                    to_char(to_date(day, 'YYYYMMDD'), 'YYYY-MM-DD') || ' 00:00:00+00',
                    to_char(to_date(day, 'YYYYMMDD') + 1, 'YYYY-MM-DD') || ' 00:00:00+00');
            END LOOP;
        END $$;

        WITH r AS (
            SELECT device_id, seq, channel, ts, value, quality, received_at, time_quality, date_trunc('hour', ts, 'UTC') AS hour
            FROM readings),
        names AS (
            SELECT device_id, hour, received_at, array_agg(DISTINCT channel ORDER BY channel) AS channel_names
            FROM r GROUP BY device_id, hour, received_at)
        INSERT INTO reading_blocks (device_id, hour, first_seq, n, received_at, channel_names, seqs, channel_idx, ts, vals, quality, time_quality)
        SELECT r.device_id, r.hour, min(r.seq), count(*), r.received_at, names.channel_names,
            array_agg(r.seq ORDER BY r.ts, r.seq),
            array_agg(array_position(names.channel_names, r.channel)::int2 ORDER BY r.ts, r.seq),
            array_agg(r.ts ORDER BY r.ts, r.seq),
            array_agg(r.value ORDER BY r.ts, r.seq),
            array_agg(r.quality ORDER BY r.ts, r.seq),
            array_agg(r.time_quality ORDER BY r.ts, r.seq)
        FROM r JOIN names USING (device_id, hour, received_at)
        GROUP BY r.device_id, r.hour, r.received_at, names.channel_names;

        DROP TABLE readings;

        CREATE VIEW readings AS
        SELECT b.device_id, u.seq, b.channel_names[u.ci] AS channel, u.ts, u.value, u.quality, b.received_at, u.time_quality
        FROM reading_blocks b,
            unnest(b.seqs, b.channel_idx, b.ts, b.vals, b.quality, b.time_quality) AS u(seq, ci, ts, value, quality, time_quality);
        COMMENT ON VIEW readings IS 'One row per reading, unnested from reading_blocks (read only)';
        """);
}
