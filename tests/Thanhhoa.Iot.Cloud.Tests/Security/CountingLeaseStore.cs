using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>A real lease store seen through a counter of its list reads, which can be made to fail (the database gone).</summary>
internal sealed class CountingLeaseStore(ILeaseStore inner) : ILeaseStore
{
    private int _lists;

    public int Lists => Volatile.Read(ref _lists);

    public bool Unreachable { get; set; }

    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.TryAcquireAsync(name, holder, ttl, cancellationToken);

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken) => inner.ReleaseAsync(name, holder, cancellationToken);

    public Task<IReadOnlyList<Lease>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lists);
        return Unreachable ? throw new InvalidOperationException("lease store unreachable (test)") : inner.ListAsync(prefix, cancellationToken);
    }

    public Task<bool> TryClaimRunAsync(string job, long period, string holder, CancellationToken cancellationToken) =>
        inner.TryClaimRunAsync(job, period, holder, cancellationToken);
}
