using Thanhhoa.Iot.Cloud.Storage.Postgres;

namespace Thanhhoa.Iot.Cloud.Security.Postgres;

/// <summary>The security tables in PostgreSQL (appended to <see cref="PostgresMigrations.All"/>).</summary>
internal static class SecurityMigration
{
    public static Migration Create(int version) => new(version, "security: api keys, enrollment tokens, device credentials, site bindings, audit", """
        CREATE TABLE api_keys (
            id         text PRIMARY KEY,
            name       text NOT NULL,
            role       text NOT NULL,
            sites      text[] NOT NULL DEFAULT '{}',
            hash       text NOT NULL,
            created_at timestamptz NOT NULL,
            created_by text,
            revoked_at timestamptz
        );

        CREATE TABLE enrollment_tokens (
            id         text PRIMARY KEY,
            hash       text NOT NULL,
            site       text,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            created_by text,
            note       text,
            used_at    timestamptz,
            used_by    text,
            revoked_at timestamptz
        );

        CREATE TABLE device_credentials (
            device_id      text PRIMARY KEY,
            hash           text NOT NULL,
            site           text,
            enrolled_at    timestamptz NOT NULL,
            token_id       text,
            revoked_at     timestamptz,
            revoked_reason text
        );

        CREATE TABLE site_bindings (
            site      text PRIMARY KEY,
            device_id text NOT NULL,
            since     timestamptz NOT NULL
        );

        CREATE TABLE audit_log (
            id     bigserial PRIMARY KEY,
            at     timestamptz NOT NULL,
            actor  text NOT NULL,
            role   text,
            method text NOT NULL,
            path   text NOT NULL,
            status integer NOT NULL,
            detail text,
            remote text
        );
        CREATE INDEX audit_log_at ON audit_log (at);

        CREATE TABLE security_state (
            key   text PRIMARY KEY,
            value text NOT NULL
        );
        """);
}
