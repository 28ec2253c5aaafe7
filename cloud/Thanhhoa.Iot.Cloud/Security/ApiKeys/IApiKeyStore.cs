namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>API keys by id. Writes are durable when the task completes.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when there is no such key.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
