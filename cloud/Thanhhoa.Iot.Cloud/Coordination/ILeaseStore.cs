namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// Time-limited leases and once-per-period job claims shared by every cloud node. With PostgreSQL
/// they live in the database (<see cref="PostgresLeaseStore"/>); a single LiteDB node keeps them in
/// memory (<see cref="SingleNodeLeaseStore"/>: the only node is always the leader). Expiry is judged by
/// each node's <see cref="TimeProvider"/>, so node clocks must agree to well within a lease's lifetime (NTP).
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="ttl"/>: granted when it is free, expired, or already held by <paramref name="holder"/>.</summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up early (only if <paramref name="holder"/> holds it).</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);

    /// <summary>Every lease whose name starts with <paramref name="prefix"/>, expired ones included.</summary>
    Task<IReadOnlyList<Lease>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>True for exactly one caller per (<paramref name="job"/>, <paramref name="period"/>): the one that runs it.</summary>
    Task<bool> TryClaimRunAsync(string job, long period, string holder, CancellationToken cancellationToken);
}
