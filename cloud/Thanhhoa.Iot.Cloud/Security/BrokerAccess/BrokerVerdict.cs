using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>The answer EMQX expects: <c>{"result": "allow"|"deny", "is_superuser": bool}</c>.</summary>
public sealed record BrokerVerdict(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("is_superuser")] bool IsSuperuser = false)
{
    public static BrokerVerdict Allow(bool superuser = false) => new("allow", superuser);

    public static BrokerVerdict Deny() => new("deny");
}
