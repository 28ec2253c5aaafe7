namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>An identity, or the reason (for the log and the client) why the connection is refused.</summary>
public sealed record AuthenticationResult(ClientIdentity? Identity, string? Refusal)
{
    public static AuthenticationResult Accept(ClientIdentity identity) => new(identity, null);

    public static AuthenticationResult Refuse(string refusal) => new(null, refusal);
}
