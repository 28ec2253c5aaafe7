using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Coordination;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>
/// The client ids the other cloud nodes of the shared group connect to the broker with, so that whichever node
/// the broker's HTTP auth plugin asks accepts the service login for every registered ingest member (both lanes
/// and the downlink), including members another node adopted (see <see cref="IngestMemberLeases"/>).
/// The list is read from the lease store and kept for <see cref="Lifetime"/>, so an ACL check per publish does
/// not query PostgreSQL; an id missing from it makes the next check read again, at most once per
/// <see cref="MissRefreshInterval"/>, so a node that just started gets in on its first connect and unknown ids
/// cannot flood the database. While the store cannot be read the last list read stays in use.
/// </summary>
public sealed class IngestMemberCache(
    ILeaseStore leases,
    IOptions<BrokerOptions> broker,
    IOptions<CoordinationOptions> coordination,
    TimeProvider time,
    ILogger<IngestMemberCache> logger) : IDisposable
{
    /// <summary>How long a list read from the lease store answers without reading again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two reads of the lease store.</summary>
    public static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Lock _gate = new();
    private IReadOnlySet<string> _members = new HashSet<string>(StringComparer.Ordinal);
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _attemptedAt = DateTimeOffset.MinValue;

    /// <summary>True when <paramref name="clientId"/> is a registered member's telemetry lane, control lane or downlink.</summary>
    public async ValueTask<bool> IsMemberClientIdAsync(string? clientId, CancellationToken cancellationToken)
    {
        var group = broker.Value.External.SharedGroup;
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(group))
        {
            return false;
        }

        var (members, fresh, mayRead) = Snapshot();
        var known = Covers(members, clientId);
        if ((known && fresh) || !mayRead)
        {
            return known;
        }

        return Covers(await RefreshAsync(group, known, cancellationToken).ConfigureAwait(false), clientId);
    }

    public void Dispose() => _refresh.Dispose();

    private static bool Covers(IReadOnlySet<string> members, string clientId) =>
        members.Any(member => IngestLanes.IsNodeClientId(member, clientId));

    private (IReadOnlySet<string> Members, bool Fresh, bool MayRead) Snapshot()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return (_members, now - _loadedAt < Lifetime, now - _attemptedAt >= MissRefreshInterval);
        }
    }

    private async Task<IReadOnlySet<string>> RefreshAsync(string group, bool known, CancellationToken cancellationToken)
    {
        // An id from the (stale) list need not wait behind a read that is already under way.
        if (!await _refresh.WaitAsync(known ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false))
        {
            return Snapshot().Members;
        }

        try
        {
            var (members, _, mayRead) = Snapshot();
            return mayRead ? await ReadAsync(group, members, cancellationToken).ConfigureAwait(false) : members;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<IReadOnlySet<string>> ReadAsync(string group, IReadOnlySet<string> previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _attemptedAt = now;
        }

        try
        {
            var read = await IngestMemberLeases.ListConnectableAsync(leases, group, now, coordination.Value.MemberLeaseTtl, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _members = read;
                _loadedAt = now;
            }

            return read;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BrokerAccessLog.MemberListFailed(logger, ex, group, previous.Count);
            return previous;
        }
    }
}
