namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Named authorization policies of the command and configuration APIs. Today they allow everyone; the
/// security issue plugs real role checks in here (AddCommandPolicies) without touching the endpoints.
/// </summary>
public static class ApiPolicies
{
    /// <summary>IOC operators: send commands, read state.</summary>
    public const string Operator = "operator";

    /// <summary>Platform operators: change desired configuration of groups and devices.</summary>
    public const string Admin = "admin";
}
