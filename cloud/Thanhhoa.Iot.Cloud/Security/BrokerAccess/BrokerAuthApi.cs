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
/// <c>X-Broker-Secret</c> header; without that setting the endpoints do not exist (404). The cloud's service
/// login (<c>Broker:External:Username/Password</c>, the same on every node) is a superuser for this node's client
/// ids and those of every registered ingest member of its shared group (<see cref="IngestMemberCache"/>), so the
/// broker may ask any node; with any other client id, or the wrong password, that user name is refused.
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
        BrokerAuthRequest request, IClientAuthenticator authenticator, IngestMemberCache members, IOptions<SecurityOptions> security,
        IOptions<BrokerOptions> broker, HttpContext context, ILogger<BrokerAuthRequest> logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Gate(security.Value, context, logger) is { } refused)
        {
            return refused == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Unauthorized();
        }

        // The service user name is the cloud's alone: it never falls through to the device check, so a session with
        // that user name has always proved the service password, and the ACL check below may rely on the name.
        if (IsServiceUser(broker.Value.External, request.Username))
        {
            var service = await ServiceLoginAsync(request, broker.Value.External, members, logger, ct).ConfigureAwait(false);
            return TypedResults.Ok(service ? BrokerVerdict.Allow(superuser: true) : BrokerVerdict.Deny());
        }

        var attempt = new ConnectAttempt(request.ClientId ?? string.Empty, request.Username, request.Password, context.Connection.RemoteIpAddress?.ToString());
        var result = await authenticator.AuthenticateAsync(attempt, ct).ConfigureAwait(false);
        return TypedResults.Ok(result.Identity is { } identity ? BrokerVerdict.Allow(identity.Role == ClientRole.Service) : BrokerVerdict.Deny());
    }

    public static async Task<Results<Ok<BrokerVerdict>, NotFound, UnauthorizedHttpResult>> Authorize(
        BrokerAclRequest request, IngestMemberCache members, IOptions<SecurityOptions> security, IOptions<BrokerOptions> broker,
        HttpContext context, ILogger<BrokerAuthRequest> logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Gate(security.Value, context, logger) is { } refused)
        {
            return refused == StatusCodes.Status404NotFound ? TypedResults.NotFound() : TypedResults.Unauthorized();
        }

        var o = broker.Value;
        var clientId = request.ClientId ?? string.Empty;
        var service = clientId == o.ServiceClientId
            || (IsServiceUser(o.External, request.Username) && await IsServiceClientIdAsync(o.External, clientId, members, ct).ConfigureAwait(false));
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

    private static async Task<bool> ServiceLoginAsync(
        BrokerAuthRequest request, ExternalBrokerOptions external, IngestMemberCache members, ILogger logger, CancellationToken ct)
    {
        if (!SameText(request.Password, external.Password))
        {
            BrokerAccessLog.ServicePasswordWrong(logger, request.ClientId);
            return false;
        }

        if (IngestLanes.IsNodeClientId(external.ClientId, request.ClientId))
        {
            return true;
        }

        if (await members.IsMemberClientIdAsync(request.ClientId, ct).ConfigureAwait(false))
        {
            BrokerAccessLog.ServiceMemberAccepted(logger, request.ClientId!, external.SharedGroup);
            return true;
        }

        BrokerAccessLog.ServiceClientIdUnknown(logger, request.ClientId, external.ClientId, external.SharedGroup);
        return false;
    }

    /// <summary>This node's lanes and downlink, or those of a registered ingest member of the same shared group.</summary>
    private static async ValueTask<bool> IsServiceClientIdAsync(ExternalBrokerOptions external, string clientId, IngestMemberCache members, CancellationToken ct) =>
        IngestLanes.IsNodeClientId(external.ClientId, clientId) || await members.IsMemberClientIdAsync(clientId, ct).ConfigureAwait(false);

    private static bool IsServiceUser(ExternalBrokerOptions external, string? username) =>
        !string.IsNullOrEmpty(external.Username) && string.Equals(username, external.Username, StringComparison.Ordinal);

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
