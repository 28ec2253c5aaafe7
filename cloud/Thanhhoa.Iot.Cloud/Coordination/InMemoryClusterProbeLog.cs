namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>The probe log of a single-node cloud (LiteDB): kept in memory.</summary>
public sealed class InMemoryClusterProbeLog : IClusterProbeLog
{
    private readonly List<(long, string)> _runs = [];
    private readonly Lock _gate = new();

    public Task RecordAsync(long period, string nodeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs.Add((period, nodeId));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(long Period, string NodeId)>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<(long, string)>>(_runs.ToList());
        }
    }
}
