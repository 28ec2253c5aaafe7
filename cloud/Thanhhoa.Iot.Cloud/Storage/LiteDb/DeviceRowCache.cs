using LiteDB;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// The devices' registry documents as the writer last wrote them, parsed. Every telemetry message reads and
/// rewrites its device's document (newest values, ledger); LiteDB's <c>FindById</c> is a whole query (plan,
/// reader, BSON) and unpacking the channels allocates, together about a third of the one writer thread's time
/// with 10,000 gateways. Only the writer thread uses it, every write of the devices collection goes through
/// <see cref="Save"/>, and a rolled-back transaction clears it (<see cref="Clear"/>), so it never holds what
/// the file does not. Readers on other threads read the file as before.
/// </summary>
internal sealed class DeviceRowCache
{
    /// <summary>
    /// Devices kept; past it the cache starts over (a fleet larger than this reads from the file again, as it
    /// did before the cache). About 1 KiB per device with a handful of channels.
    /// </summary>
    public const int Capacity = 50_000;

    private readonly Dictionary<string, DeviceRow> _rows = new(StringComparer.Ordinal);

    /// <summary>The device's row, or null when it has none. The ledger is the cached one: change it only before <see cref="Save"/>.</summary>
    public DeviceRow? Load(LiteDatabase db, string deviceId)
    {
        if (_rows.TryGetValue(deviceId, out var row))
        {
            return row;
        }

        return db.GetCollection(LiteDbStore.Devices).FindById(deviceId) is { } doc ? Of(doc) : null;
    }

    /// <summary>The row of a document read from the devices collection: the cached one when there is one, else parsed and kept.</summary>
    public DeviceRow Of(BsonDocument doc)
    {
        var deviceId = doc["_id"].AsString;
        if (!_rows.TryGetValue(deviceId, out var row))
        {
            row = new DeviceRow(DeviceDocuments.ToState(doc), DeviceDocuments.LedgerOf(doc));
            Remember(deviceId, row);
        }

        return row;
    }

    /// <summary>The device's row, or a new one first seen at <paramref name="at"/> (with an empty ledger) when it has none.</summary>
    public (DeviceRow Row, bool IsNew) LoadOrNew(LiteDatabase db, string deviceId, DateTimeOffset at) =>
        Load(db, deviceId) is { } row ? (row, false) : (new DeviceRow(DeviceState.New(deviceId, at), new SequenceRanges()), true);

    /// <summary>Writes the device's document (inside the writer's transaction) and keeps it.</summary>
    public void Save(LiteDatabase db, DeviceState state, SequenceRanges ledger)
    {
        var doc = DeviceDocuments.From(state);
        DeviceDocuments.SetLedger(doc, ledger);
        db.GetCollection(LiteDbStore.Devices).Upsert(doc);
        Remember(state.DeviceId, new DeviceRow(state, ledger));
    }

    /// <summary>Forgets every row: after a rollback the file, not the cache, is the truth.</summary>
    public void Clear() => _rows.Clear();

    private void Remember(string deviceId, DeviceRow row)
    {
        if (_rows.Count >= Capacity && !_rows.ContainsKey(deviceId))
        {
            _rows.Clear();
        }

        _rows[deviceId] = row;
    }
}
