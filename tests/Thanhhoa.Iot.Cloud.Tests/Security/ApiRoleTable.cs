using static Thanhhoa.Iot.Cloud.Tests.Security.Caller;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// The API's access rules, endpoint by endpoint: technicians reach their own sites (and enroll them),
/// operators read everything, admins do everything. <see cref="ApiRoleTests"/> checks each row for each
/// caller and that every mapped endpoint has a row, so an endpoint added later fails until it is listed here.
/// </summary>
internal static class ApiRoleTable
{
    private static readonly Caller[] Readers = [Operator, Admin];
    private static readonly Caller[] SiteReaders = [Technician, Operator, Admin];
    private static readonly Caller[] Everyone = [Anonymous, Technician, Operator, Admin];

    public static IReadOnlyList<ApiRule> Rules { get; } =
    [
        new("GET", "/healthz", "/healthz", null, Everyone),
        new("GET", "/metrics", "/metrics", null, Readers),
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, Readers),
        new("GET", "/api/devices/", "/api/devices", null, Readers),
        new("GET", "/api/devices/{id}", "/api/devices/{a}", null, SiteReaders),
        new("GET", "/api/devices/{id}", "/api/devices/{b}", null, Readers),
        new("GET", "/api/devices/{id}/readings", "/api/devices/{a}/readings", null, SiteReaders),
        new("GET", "/api/devices/{id}/readings", "/api/devices/{b}/readings", null, Readers),
        new("GET", "/api/devices/{id}/events", "/api/devices/{a}/events", null, SiteReaders),
        new("GET", "/api/devices/{id}/events", "/api/devices/{b}/events", null, Readers),
        new("GET", "/api/devices/{id}/rejects", "/api/devices/{a}/rejects", null, SiteReaders),
        new("GET", "/api/devices/{id}/rejects", "/api/devices/{b}/rejects", null, Readers),
        new("GET", "/api/rejects/", "/api/rejects", null, Readers),
        new("GET", "/api/me", "/api/me", null, [Technician, Operator, Admin]),
        new("POST", "/api/provision", "/api/provision", "{\"token\":\"\",\"secret\":\"\"}", Everyone),
        new("POST", "/api/enrollment-tokens/", "/api/enrollment-tokens", "{\"site\":\"site-a\"}", Technician, Admin),
        new("POST", "/api/enrollment-tokens/", "/api/enrollment-tokens", "{\"site\":\"site-b\"}", Admin),
        new("POST", "/api/enrollment-tokens/", "/api/enrollment-tokens", "{}", Admin),
        new("GET", "/api/enrollment-tokens/", "/api/enrollment-tokens", null, Admin),
        new("DELETE", "/api/enrollment-tokens/{id}", "/api/enrollment-tokens/nosuchtoken", null, Admin),
        new("POST", "/api/api-keys/", "/api/api-keys", "{\"name\":\"x\",\"role\":\"Operator\"}", Admin),
        new("GET", "/api/api-keys/", "/api/api-keys", null, Admin),
        new("DELETE", "/api/api-keys/{id}", "/api/api-keys/nosuchkey", null, Admin),
        new("GET", "/api/device-credentials/", "/api/device-credentials", null, Admin),
        new("POST", "/api/device-credentials/{id}/revoke", "/api/device-credentials/nosuchdevice/revoke", "{}", Admin),
        new("GET", "/api/audit", "/api/audit", null, Admin),

        new("POST", "/api/session/", "/api/session", "{\"key\":\"{operator-key}\"}", Everyone),
        new("DELETE", "/api/session/", "/api/session", null, Everyone),

        // Dashboard (IOC page): reads for operators and admins, a technician's own sites, acknowledgement for operators.
        new("GET", "/api/sites", "/api/sites", null, Readers),
        new("GET", "/api/sites/export.csv", "/api/sites/export.csv", null, Readers),
        new("GET", "/api/sites/{code}", "/api/sites/site-a", null, SiteReaders),
        new("GET", "/api/sites/{code}", "/api/sites/site-b", null, Readers),
        new("GET", "/api/sites/{code}/timeline", "/api/sites/site-a/timeline", null, SiteReaders),
        new("GET", "/api/sites/{code}/timeline", "/api/sites/site-b/timeline", null, Readers),
        new("GET", "/api/sites/{code}/battery", "/api/sites/site-a/battery", null, SiteReaders),
        new("GET", "/api/sites/{code}/battery", "/api/sites/site-b/battery", null, Readers),
        new("GET", "/api/areas", "/api/areas", null, Readers),
        new("GET", "/api/alarms/", "/api/alarms", null, Readers),
        new("GET", "/api/alarms/export.csv", "/api/alarms/export.csv", null, Readers),
        new("POST", "/api/alarms/{id}/ack", "/api/alarms/no-such-alarm/ack", "{\"by\":\"test\"}", Operator, Admin),
        new("GET", "/api/availability", "/api/availability", null, Readers),
        new("GET", "/api/availability/export.csv", "/api/availability/export.csv", null, Readers),
        new("GET", "/api/outages", "/api/outages", null, Readers),
        new("GET", "/api/outages/export.csv", "/api/outages/export.csv", null, Readers),
        new("GET", "/api/indicators", "/api/indicators", null, Readers),
        new("GET", "/api/indicators/export.csv", "/api/indicators/export.csv", null, Readers),
        new("GET", "/api/stream", "/api/stream", null, Readers),

        new("GET", "/api/devices/{id}/loss", "/api/devices/{a}/loss", null, SiteReaders),
        new("GET", "/api/devices/{id}/loss", "/api/devices/{b}/loss", null, Readers),
        new("GET", "/api/devices/{id}/budget", "/api/devices/{a}/budget", null, SiteReaders),
        new("GET", "/api/devices/{id}/budget", "/api/devices/{b}/budget", null, Readers),

        // Commands and desired configuration: operators read, admins send, cancel and change.
        new("POST", "/api/commands/", "/api/commands", "{}", Admin),
        new("GET", "/api/commands/", "/api/commands", null, Readers),
        new("GET", "/api/commands/stats", "/api/commands/stats", null, Readers),
        new("GET", "/api/commands/{id}", "/api/commands/nosuchcommand", null, Readers),
        new("POST", "/api/commands/{id}/cancel", "/api/commands/nosuchcommand/cancel", "{}", Admin),
        new("GET", "/api/config/groups", "/api/config/groups", null, Readers),
        new("GET", "/api/config/groups/{name}", "/api/config/groups/nosuchgroup", null, Readers),
        new("PUT", "/api/config/groups/{name}", "/api/config/groups/nosuchgroup", "{}", Admin),
        new("DELETE", "/api/config/groups/{name}", "/api/config/groups/nosuchgroup", null, Admin),
        new("GET", "/api/config/devices", "/api/config/devices", null, Readers),
        new("GET", "/api/config/devices/{id}", "/api/config/devices/{a}", null, Readers),
        new("PUT", "/api/config/devices/{id}", "/api/config/devices/{a}", "{}", Admin),
        new("DELETE", "/api/config/devices/{id}", "/api/config/devices/{a}", null, Admin),
        new("GET", "/api/config/lagging", "/api/config/lagging", null, Readers),

        // Firmware artifacts and rollouts: operators read, admins upload and steer; gateways download with their rollout's token.
        new("POST", "/api/artifacts/", "/api/artifacts", "{}", Admin),
        new("GET", "/api/artifacts/", "/api/artifacts", null, Readers),
        new("GET", "/api/artifacts/{id}", "/api/artifacts/nosuchartifact", null, Readers),
        new("GET", "/api/artifacts/{id}/content", "/api/artifacts/nosuchartifact/content", null, Readers),
        new("POST", "/api/rollouts/", "/api/rollouts", "{\"kind\":\"firmware\"}", Admin),
        new("GET", "/api/rollouts/", "/api/rollouts", null, Readers),
        new("GET", "/api/rollouts/{id}", "/api/rollouts/nosuchrollout", null, Readers),
        new("GET", "/api/rollouts/{id}/devices", "/api/rollouts/nosuchrollout/devices", null, Readers),
        new("POST", "/api/rollouts/{id}/pause", "/api/rollouts/nosuchrollout/pause", "{}", Admin),
        new("POST", "/api/rollouts/{id}/resume", "/api/rollouts/nosuchrollout/resume", "{}", Admin),
        new("POST", "/api/rollouts/{id}/cancel", "/api/rollouts/nosuchrollout/cancel", "{}", Admin),

        // The broker's callbacks carry their own shared secret, not an API key (404 while it is not configured).
        new("POST", "/api/broker/auth", "/api/broker/auth", "{}", Everyone),
        new("POST", "/api/broker/acl", "/api/broker/acl", "{}", Everyone),
    ];
}
