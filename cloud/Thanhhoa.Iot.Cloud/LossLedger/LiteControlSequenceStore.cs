using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary>
/// Control sequence numbers in the cloud's LiteDB (collection <c>control_seqs</c>), one small document per message.
/// The same write adds the number to the device's sequence ledger (<see cref="BlockAppender.MarkStored"/>): the
/// gateway numbers control messages in the sequence of its readings and events, so a ledger without them would keep
/// a gap per command result or configuration report in the row every telemetry message rewrites.
/// </summary>
public sealed class LiteControlSequenceStore : IControlSequenceStore
{
    private const string Collection = "control_seqs";
    private const string Device = "d";
    private const string Seq = "s";
    private readonly LiteDbStore _store;
    private readonly TimeProvider _time;

    /// <param name="time">When a device without a registry row is first seen (the row holds its ledger).</param>
    public LiteControlSequenceStore(LiteDbStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        store.Database.GetCollection(Collection).EnsureIndex(Device, "$." + Device);
    }

    public Task RecordAsync(string deviceId, long seq, CancellationToken cancellationToken)
    {
        var doc = new BsonDocument { ["_id"] = $"{deviceId}/{seq}", [Device] = deviceId, [Seq] = seq };
        var at = _time.GetUtcNow();
        return _store.Writer.WriteAsync(
            db =>
            {
                var recorded = db.GetCollection(Collection).Upsert(doc);
                BlockAppender.MarkStored(db, _store.DeviceRows, deviceId, [seq], at);
                return recorded;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<long>> GetAsync(string deviceId, CancellationToken cancellationToken)
    {
        var seqs = _store.Database.GetCollection(Collection).Find(LiteQuery.EQ(Device, deviceId)).Select(d => d[Seq].AsInt64).ToList();
        return Task.FromResult<IReadOnlyList<long>>(seqs);
    }
}
