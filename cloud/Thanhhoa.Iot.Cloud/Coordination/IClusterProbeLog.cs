namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>Where the cluster probe job writes its runs (the database, so every node's runs are in one place).</summary>
public interface IClusterProbeLog
{
    Task RecordAsync(long period, string nodeId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every recorded run as (period, node), oldest first.</summary>
    Task<IReadOnlyList<(long Period, string NodeId)>> ListAsync(CancellationToken cancellationToken);
}
