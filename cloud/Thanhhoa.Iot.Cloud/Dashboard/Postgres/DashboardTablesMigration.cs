using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>
/// The dashboard's tables (appended to <see cref="PostgresMigrations.All"/>): sites, link history, observed spans and
/// alarm acknowledgements, shared by every node. Instants the ledger compares for equality are kept as .NET ticks
/// (exact, as in LiteDB); <c>recorded_at</c> is when a node wrote the row, which the other nodes poll by
/// (see <see cref="ClusterLiveView"/>), as they poll events by <c>received_at</c> (indexed here).
/// </summary>
internal static class DashboardTablesMigration
{
    public static Migration Create(int version) => new(version, "dashboard: sites, link history, observed spans, alarm acknowledgements", """
        CREATE TABLE sites (
            code          text PRIMARY KEY,
            name          text NOT NULL,
            kind          text NOT NULL,
            operators     text[] NOT NULL,
            lat           double precision NOT NULL,
            lon           double precision NOT NULL,
            district_code text NOT NULL,
            district_name text NOT NULL,
            commune_code  text,
            commune_name  text
        );

        CREATE TABLE link_history (
            id          bigserial PRIMARY KEY,
            device_id   text NOT NULL,
            at_ticks    bigint NOT NULL,
            online      boolean NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        CREATE INDEX link_history_device_at ON link_history (device_id, at_ticks);
        CREATE INDEX link_history_at ON link_history (at_ticks);
        CREATE INDEX link_history_recorded ON link_history (recorded_at);

        CREATE TABLE observed_spans (
            id          bigserial PRIMARY KEY,
            device_id   text NOT NULL,
            start_ticks bigint NOT NULL,
            end_ticks   bigint NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        CREATE INDEX observed_spans_device_start ON observed_spans (device_id, start_ticks);
        CREATE INDEX observed_spans_start ON observed_spans (start_ticks);
        CREATE INDEX observed_spans_recorded ON observed_spans (recorded_at);

        CREATE TABLE alarm_acks (
            alarm_id text PRIMARY KEY,
            acked_by text NOT NULL,
            at       timestamptz NOT NULL,
            note     text
        );
        CREATE INDEX alarm_acks_at ON alarm_acks (at);

        CREATE INDEX events_received ON events (received_at);
        """);
}
