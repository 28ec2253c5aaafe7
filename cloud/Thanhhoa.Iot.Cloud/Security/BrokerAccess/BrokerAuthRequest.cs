namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>What a broker (EMQX HTTP authentication and similar) sends per CONNECT: <c>{clientid, username, password}</c>.</summary>
public sealed record BrokerAuthRequest(string? ClientId, string? Username, string? Password)
{
    public override string ToString() => $"auth {ClientId} ({Username})";
}
