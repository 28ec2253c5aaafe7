namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary>
/// Lets an endpoint add to its audit record what the path does not say (e.g. "created token abc for
/// site th-001"), or name the actor when the caller has no API key (a provisioning device names its
/// token). Never put a secret here.
/// </summary>
public static class AuditNote
{
    private const string DetailKey = "thiot.audit.detail";
    private const string ActorKey = "thiot.audit.actor";

    public static void Detail(HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[DetailKey] = detail;
    }

    public static void Actor(HttpContext context, string actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ActorKey] = actor;
    }

    internal static string? DetailOf(HttpContext context) => context.Items[DetailKey] as string;

    internal static string? ActorOf(HttpContext context) => context.Items[ActorKey] as string;
}
