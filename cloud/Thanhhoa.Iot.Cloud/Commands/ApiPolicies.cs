namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Named authorization policies of the command and configuration APIs; AddCommandPolicies gives them the
/// role checks of Security (reads by operators and admins, writes by admins).
/// </summary>
public static class ApiPolicies
{
    /// <summary>Reads for IOC operators and admins; sending and cancelling commands for admins.</summary>
    public const string Operator = "operator";

    /// <summary>Platform operators: change desired configuration of groups and devices.</summary>
    public const string Admin = "admin";

    /// <summary>The two halves of an API group: reads for operators (and admins), writes for admins.</summary>
    public static (RouteGroupBuilder Read, RouteGroupBuilder Write) ReadsAndWrites(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return (api.MapGroup("/").RequireAuthorization(Operator), api.MapGroup("/").RequireAuthorization(Admin));
    }
}
