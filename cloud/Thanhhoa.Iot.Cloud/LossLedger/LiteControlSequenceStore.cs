using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary>Control sequence numbers in the cloud's LiteDB (collection <c>control_seqs</c>), one small document per message.</summary>
public sealed class LiteControlSequenceStore : IControlSequenceStore
{
    private const string Collection = "control_seqs";
    private const string Device = "d";
    private const string Seq = "s";
    private readonly LiteDbStore _store;

    public LiteControlSequenceStore(LiteDbStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        store.Database.GetCollection(Collection).EnsureIndex(Device, "$." + Device);
    }

    public Task RecordAsync(string deviceId, long seq, CancellationToken cancellationToken)
    {
        var doc = new BsonDocument { ["_id"] = $"{deviceId}/{seq}", [Device] = deviceId, [Seq] = seq };
        return _store.Writer.WriteAsync(db => db.GetCollection(Collection).Upsert(doc), cancellationToken);
    }

    public Task<IReadOnlyList<long>> GetAsync(string deviceId, CancellationToken cancellationToken)
    {
        var seqs = _store.Database.GetCollection(Collection).Find(LiteQuery.EQ(Device, deviceId)).Select(d => d[Seq].AsInt64).ToList();
        return Task.FromResult<IReadOnlyList<long>>(seqs);
    }
}
