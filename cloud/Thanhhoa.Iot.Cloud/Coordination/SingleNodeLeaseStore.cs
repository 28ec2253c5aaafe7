namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// Leases for a cloud that runs on one machine (LiteDB: one process owns the data files). Kept in
/// memory with the same rules as the database store, so the job runner works the same either way.
/// </summary>
public sealed class SingleNodeLeaseStore(TimeProvider time) : ILeaseStore
{
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastClaimed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var current) && current.Holder != holder && current.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = new Lease(name, holder, now + ttl);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var current) && current.Holder == holder)
            {
                _leases.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Lease>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Lease>>(_leases.Values.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList());
        }
    }

    public Task<bool> TryClaimRunAsync(string job, long period, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_lastClaimed.TryGetValue(job, out var last) && last >= period)
            {
                return Task.FromResult(false);
            }

            _lastClaimed[job] = period;
            return Task.FromResult(true);
        }
    }
}
