using LiteDB;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// Reject counts per (device, reason) and the latest <c>capacity</c> rejects in LiteDB. The recent list
/// is trimmed on every insert, so a device that sends garbage all day cannot fill the disk.
/// </summary>
public sealed class LiteRejectLog(LiteDbStore store, int capacity) : IRejectLog
{
    public Task RecordAsync(RejectRecord reject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reject);
        return store.Writer.WriteAsync(db => Insert(db, reject), cancellationToken);
    }

    public Task<RejectReport> GetReportAsync(string? deviceId, int recentLimit, CancellationToken cancellationToken)
    {
        var db = store.Database;
        var countQuery = db.GetCollection(LiteDbStore.RejectCounts).Query();
        var recentQuery = db.GetCollection(LiteDbStore.RecentRejects).Query();
        if (deviceId is not null)
        {
            countQuery = countQuery.Where(LiteQuery.EQ(LiteDbKeys.Device, deviceId));
            recentQuery = recentQuery.Where(LiteQuery.EQ(LiteDbKeys.Device, deviceId));
        }

        var counts = countQuery.ToList()
            .Select(d => new RejectCount(d[LiteDbKeys.Device].AsString, d["reason"].AsString, d["n"].AsInt64))
            .OrderBy(c => c.DeviceId, StringComparer.Ordinal).ThenBy(c => c.Reason, StringComparer.Ordinal)
            .ToList();
        var recent = recentQuery.OrderByDescending("_id").Limit(Math.Max(0, recentLimit)).ToList().Select(ToRecord).ToList();
        return Task.FromResult(new RejectReport(counts.Sum(c => c.Count), counts, recent));
    }

    private int Insert(LiteDatabase db, RejectRecord reject)
    {
        var counts = db.GetCollection(LiteDbStore.RejectCounts);
        var key = $"{reject.DeviceId}|{reject.Reason}";
        var count = counts.FindById(key);
        var n = count is null ? 1 : count["n"].AsInt64 + 1;
        counts.Upsert(new BsonDocument { ["_id"] = key, [LiteDbKeys.Device] = reject.DeviceId, ["reason"] = reject.Reason, ["n"] = n });

        var recent = db.GetCollection(LiteDbStore.RecentRejects, BsonAutoId.Int64);
        var id = recent.Insert(new BsonDocument
        {
            [LiteDbKeys.Device] = reject.DeviceId,
            ["reason"] = reject.Reason,
            ["field"] = reject.Field,
            ["detail"] = reject.Detail,
            ["topic"] = reject.Topic,
            ["at"] = reject.At.UtcTicks,
        }).AsInt64;
        return id > capacity ? recent.DeleteMany(LiteQuery.LTE("_id", id - capacity)) : 0;
    }

    private static RejectRecord ToRecord(BsonDocument d) => new(
        d[LiteDbKeys.Device].AsString,
        d["reason"].AsString,
        d["field"].AsString,
        d["detail"].AsString,
        d["topic"].AsString,
        TelemetryDocuments.Time(d["at"]));
}
