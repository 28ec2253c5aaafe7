namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>A new key: the stored record and the key text, which exists only in this answer.</summary>
public sealed record CreatedApiKey(ApiKey Record, string Key)
{
    public override string ToString() => Record.ToString();
}
