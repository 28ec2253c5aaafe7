using System.Collections.Concurrent;
using LiteDB;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Acknowledgements in LiteDB (collection <c>alarm_acks</c>), mirrored in memory for the alarm list.</summary>
public sealed class LiteAlarmAckStore : IAlarmAckStore
{
    private const string Collection = "alarm_acks";
    private readonly LiteDbStore _store;
    private readonly ConcurrentDictionary<string, AlarmAck> _acks;

    public LiteAlarmAckStore(LiteDbStore store)
    {
        _store = store;
        _acks = new ConcurrentDictionary<string, AlarmAck>(
            store.Database.GetCollection(Collection).FindAll().Select(ToAck).Select(a => KeyValuePair.Create(a.AlarmId, a)),
            StringComparer.Ordinal);
    }

    public Task<IReadOnlyDictionary<string, AlarmAck>> FindAsync(IReadOnlyCollection<string> alarmIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarmIds);
        IReadOnlyDictionary<string, AlarmAck> found = alarmIds.Distinct(StringComparer.Ordinal)
            .Select(id => _acks.GetValueOrDefault(id)).OfType<AlarmAck>().ToDictionary(a => a.AlarmId, StringComparer.Ordinal);
        return Task.FromResult(found);
    }

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
