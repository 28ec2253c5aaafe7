using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary>
/// Records every write (POST, PUT, PATCH, DELETE) to the API once it is answered, refused ones
/// included (it runs before authorization, so a 401 or 403 is recorded too): who, what, when, outcome.
/// The broker's auth/ACL callbacks are not writes and are not recorded (brokers call them per connect).
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, IAuditLog log, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsAudited(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            await RecordAsync(context).ConfigureAwait(false);
        }
    }

    private static bool IsAudited(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && !request.Path.StartsWithSegments("/api/broker", StringComparison.Ordinal);

    private async Task RecordAsync(HttpContext context)
    {
        var request = context.Request;
        var user = context.User;
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = AuditNote.ActorOf(context) ?? user.ActorName(),
            Role = user.Identity?.IsAuthenticated == true ? user.ApiRoleOrNull()?.ToString() : null,
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Status = context.Response.StatusCode,
            Detail = AuditNote.DetailOf(context),
            Remote = context.Connection.RemoteIpAddress?.ToString(),
        };
        try
        {
            await log.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SecurityLog.AuditWriteFailed(logger, ex, entry.Method, entry.Path, entry.Status);
        }
    }
}
