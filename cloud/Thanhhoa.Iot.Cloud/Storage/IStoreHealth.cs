namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>Proves the store can still commit a write (used by /healthz).</summary>
public interface IStoreHealth
{
    Task ProbeWriteAsync(CancellationToken cancellationToken);
}
