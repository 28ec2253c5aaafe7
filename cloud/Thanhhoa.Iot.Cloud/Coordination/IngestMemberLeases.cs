namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// The leases of <see cref="IngestMembership"/>: each node's liveness lease
/// <c>ingest-member/{SharedGroup}/{clientId}</c> (never given up, so it stays listed after it ran out) and
/// the adoption lease <c>ingest-adopt/{SharedGroup}/{clientId}</c> a node holds while it ingests for a dead member.
/// </summary>
public static class IngestMemberLeases
{
    public static string MemberPrefix(string? sharedGroup) => $"ingest-member/{sharedGroup}/";

    public static string AdoptPrefix(string? sharedGroup) => $"ingest-adopt/{sharedGroup}/";

    /// <summary>
    /// The client ids that may be connected as ingest members of <paramref name="sharedGroup"/> now: members whose
    /// lease is live or ran out less than <paramref name="grace"/> ago (a late renewal, a restart, the moment
    /// before another node adopts them), and members some node has adopted (live adoption lease), however long ago
    /// their own lease ran out.
    /// </summary>
    public static async Task<IReadOnlySet<string>> ListConnectableAsync(
        ILeaseStore leases, string sharedGroup, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var memberPrefix = MemberPrefix(sharedGroup);
        var adoptPrefix = AdoptPrefix(sharedGroup);
        var members = await leases.ListAsync(memberPrefix, cancellationToken).ConfigureAwait(false);
        var adopted = (await leases.ListAsync(adoptPrefix, cancellationToken).ConfigureAwait(false))
            .Where(l => l.ExpiresAt > now)
            .Select(l => l.Name[adoptPrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
        return members
            .Select(l => (ClientId: l.Name[memberPrefix.Length..], l.ExpiresAt))
            .Where(m => m.ExpiresAt > now - grace || adopted.Contains(m.ClientId))
            .Select(m => m.ClientId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
