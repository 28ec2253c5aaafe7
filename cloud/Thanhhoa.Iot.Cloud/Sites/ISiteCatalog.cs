namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>The sites the IOC watches. Writes are durable when the task completes.</summary>
public interface ISiteCatalog
{
    Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken);

    Task<Site?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>Adds or replaces sites by code.</summary>
    Task UpsertAsync(IReadOnlyList<Site> sites, CancellationToken cancellationToken);
}
