using System.Globalization;
using Thanhhoa.Iot.Cloud.Security.Enrollment;

namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>The refusals of <c>POST /api/provision</c>, each saying what the technician does next.</summary>
internal static class ProvisioningErrors
{
    public static ProvisioningError Invalid(string detail) =>
        new(StatusCodes.Status400BadRequest, "invalid_request", "The provisioning request is not valid.", detail);

    public static ProvisioningError UnknownToken() => new(
        StatusCodes.Status401Unauthorized, "token_unknown", "The enrollment token is not known.",
        "Check the token on the enrollment slip (thet_…, copy it exactly) or ask the IOC for a new one.");

    public static ProvisioningError ForState(EnrollmentToken token, EnrollmentTokenState state) => state switch
    {
        EnrollmentTokenState.Used => new(
            StatusCodes.Status409Conflict, "token_used", "The enrollment token was already used.",
            $"Token {token.Id} provisioned device {token.UsedBy} at {Time(token.UsedAt)}; each token works once. Ask the IOC for a new token."),
        EnrollmentTokenState.Expired => new(
            StatusCodes.Status410Gone, "token_expired", "The enrollment token has expired.",
            $"Token {token.Id} expired at {Time(token.ExpiresAt)}. Ask the IOC for a new token."),
        _ => new(
            StatusCodes.Status410Gone, "token_revoked", "The enrollment token was revoked.",
            $"Token {token.Id} was revoked at {Time(token.RevokedAt)}. Ask the IOC for a new token."),
    };

    public static ProvisioningError SiteMismatch(EnrollmentToken token, string asked) => new(
        StatusCodes.Status409Conflict, "site_mismatch", "The token is for another site.",
        $"Token {token.Id} is for site '{token.Site}', not '{asked}'. Check which site you are at: run again with --site {token.Site}, or without --site, or ask the IOC for a token for '{asked}'.");

    public static ProvisioningError BrokerUnavailable() => new(
        StatusCodes.Status503ServiceUnavailable, "broker_unavailable", "The cloud could not register the device with its MQTT broker.",
        "Nothing was used up: try again in a minute. If it keeps failing, tell the IOC (the cloud's broker administration is down).");

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "?";
}
