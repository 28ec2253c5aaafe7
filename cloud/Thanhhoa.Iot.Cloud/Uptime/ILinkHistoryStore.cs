namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Every birth and death the registry applied, per device, so the ledger can tell "no contact" from "down" for any
/// past range, also after a restart. LiteDB for one node (<see cref="LiteLinkHistoryStore"/>), PostgreSQL shared by all.
/// </summary>
public interface ILinkHistoryStore
{
    Task AppendAsync(string deviceId, LinkChange change, CancellationToken cancellationToken);

    Task AppendManyAsync(string deviceId, IReadOnlyList<LinkChange> changes, CancellationToken cancellationToken);

    /// <summary>Changes from <paramref name="from"/> on, plus the last one before it (the state at the start), oldest first.</summary>
    Task<IReadOnlyList<LinkChange>> QueryAsync(string deviceId, DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>Every device's changes from <paramref name="since"/> on, each with the last one before it, in one pass.</summary>
    Task<ILookup<string, LinkChange>> AllAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Devices whose last recorded change is a birth, with its time.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastChangeOnlineAsync(CancellationToken cancellationToken);
}
