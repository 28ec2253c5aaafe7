using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>
/// HTTP authentication and ACL for external brokers (EMQX and similar): <c>POST /api/broker/auth</c> and
/// <c>POST /api/broker/acl</c>, answering allow/deny with the same rules the embedded broker applies.
/// The broker proves itself with the shared secret <c>Security:BrokerAuthSecret</c> in the
/// <c>X-Broker-Secret</c> header; without that setting the endpoints do not exist (404).
/// </summary>
public static class BrokerAuthApi
{
    public const string SecretHeader = "X-Broker-Secret";

    public static IEndpointRouteBuilder MapBrokerAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/broker").WithTags("Broker").AllowAnonymous().ExcludeFromDescription();
        api.MapPost("/auth", Authenticate);
        api.MapPost("/acl", Authorize);
        return app;
    }

    public static async Task<Results<Ok<BrokerVerdict>, NotFound, UnauthorizedHttpResult>> Authenticate(
        BrokerAuthRequest request, IClientAuthenticator authenticator, IOptions<SecurityOptions> security, IOptions<BrokerOptions> broker,
        HttpContext context, ILogger<BrokerAuthRequest> logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Gate(security.Value, context, logger) is { } refused)
        {
            return refused == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Unauthorized();
        }

        if (IsExternalIngest(broker.Value.External, request.ClientId, request.Username) && SameText(request.Password, broker.Value.External.Password))
        {
            return TypedResults.Ok(BrokerVerdict.Allow(superuser: true));
        }

        var attempt = new ConnectAttempt(request.ClientId ?? string.Empty, request.Username, request.Password, context.Connection.RemoteIpAddress?.ToString());
        var result = await authenticator.AuthenticateAsync(attempt, ct).ConfigureAwait(false);
        return TypedResults.Ok(result.Identity is { } identity ? BrokerVerdict.Allow(identity.Role == ClientRole.Service) : BrokerVerdict.Deny());
    }

    public static Results<Ok<BrokerVerdict>, NotFound, UnauthorizedHttpResult> Authorize(
        BrokerAclRequest request, IOptions<SecurityOptions> security, IOptions<BrokerOptions> broker, HttpContext context, ILogger<BrokerAuthRequest> logger)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Gate(security.Value, context, logger) is { } refused)
        {
            return refused == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Unauthorized();
        }

        var o = broker.Value;
        var clientId = request.ClientId ?? string.Empty;
        var service = clientId == o.ServiceClientId || IsExternalIngest(o.External, clientId, request.Username);
        if (!service && !string.Equals(request.Username, clientId, StringComparison.Ordinal))
        {
            return TypedResults.Ok(BrokerVerdict.Deny());
        }

        var identity = new ClientIdentity(clientId, service ? ClientRole.Service : ClientRole.Device);
        var topic = request.Topic ?? string.Empty;
        var allowed = request.Action?.ToLowerInvariant() switch
        {
            "publish" => TopicAccessPolicy.MayPublish(identity, topic),
            "subscribe" => TopicAccessPolicy.MaySubscribe(identity, topic),
            _ => false,
        };
        return TypedResults.Ok(allowed ? BrokerVerdict.Allow() : BrokerVerdict.Deny());
    }

    private static bool IsExternalIngest(ExternalBrokerOptions external, string? clientId, string? username) =>
        !string.IsNullOrEmpty(external.Username) && IngestLanes.IsNodeClientId(external.ClientId, clientId) && username == external.Username;

    private static int? Gate(SecurityOptions security, HttpContext context, ILogger logger)
    {
        if (string.IsNullOrEmpty(security.BrokerAuthSecret))
        {
            return StatusCodes.Status404NotFound;
        }

        if (SameText(context.Request.Headers[SecretHeader].ToString(), security.BrokerAuthSecret))
        {
            return null;
        }

        SecurityLog.BrokerAuthCallRefused(logger, context.Connection.RemoteIpAddress?.ToString());
        return StatusCodes.Status401Unauthorized;
    }

    private static bool SameText(string? presented, string? expected) =>
        presented is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
