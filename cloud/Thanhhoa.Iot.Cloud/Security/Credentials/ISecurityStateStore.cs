namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>Small named values the security services keep (e.g. the hash of the broker service password).</summary>
public interface ISecurityStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
