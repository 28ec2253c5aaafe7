using System.Collections.Concurrent;
using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Acknowledgements in LiteDB (collection <c>alarm_acks</c>), mirrored in memory for the alarm list.</summary>
public sealed class AlarmAckStore
{
    private const string Collection = "alarm_acks";
    private readonly LiteDbStore _store;
    private readonly ConcurrentDictionary<string, AlarmAck> _acks;

    public AlarmAckStore(LiteDbStore store)
    {
        _store = store;
        _acks = new ConcurrentDictionary<string, AlarmAck>(
            store.Database.GetCollection(Collection).FindAll().Select(ToAck).Select(a => KeyValuePair.Create(a.AlarmId, a)),
            StringComparer.Ordinal);
    }

    public AlarmAck? Find(string alarmId) => _acks.GetValueOrDefault(alarmId);

    /// <summary>Stores the acknowledgement; the first one of an alarm stands (a second is answered with the first).</summary>
    public async Task<AlarmAck> AcknowledgeAsync(AlarmAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (_acks.TryGetValue(ack.AlarmId, out var existing))
        {
            return existing;
        }

        var doc = new BsonDocument
        {
            ["_id"] = ack.AlarmId,
            ["by"] = ack.By,
            ["at"] = ack.At.UtcTicks,
            ["note"] = ack.Note is null ? BsonValue.Null : ack.Note,
        };
        await _store.Writer.WriteAsync(db => db.GetCollection(Collection).Upsert(doc), cancellationToken).ConfigureAwait(false);
        return _acks.GetOrAdd(ack.AlarmId, ack);
    }

    private static AlarmAck ToAck(BsonDocument d) => new(
        d["_id"].AsString, d["by"].AsString, new DateTimeOffset(d["at"].AsInt64, TimeSpan.Zero), d["note"].IsNull ? null : d["note"].AsString);
}
