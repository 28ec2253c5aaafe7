using LiteDB;
using LiteDB.Engine;

namespace Thanhhoa.Iot.Cloud.Storage.LiteDb;

/// <summary>
/// The cloud's LiteDB database: two files in the data directory (<c>cloud.db</c> and its write-ahead
/// log <c>cloud-log.db</c>), opened through <see cref="DurableFileStream"/> so commits are durable,
/// with one <see cref="GroupCommitWriter"/> that every store on this database writes through. A file of
/// the layout before reading blocks opens at once and is converted in the background, through the writer
/// (<see cref="LegacyReadingsConverter"/>).
/// </summary>
public sealed class LiteDbStore : IStoreHealth, IAsyncDisposable
{
    internal const string ReadingBlocks = "reading_blocks";
    internal const string Events = "events";
    internal const string Devices = "devices";
    internal const string RejectCounts = "reject_counts";
    internal const string RecentRejects = "reject_recent";
    private const string Health = "health";

    /// <summary>Pages (8 KiB) the write-ahead log grows to before a checkpoint: 80 MiB at most, replayed on open after a crash.</summary>
    private const int CheckpointPages = 10_000;

    private readonly DurableFileStream _data;
    private readonly DurableFileStream _log;
    private readonly LiteEngine _engine;
    private int _disposed;

    public LiteDbStore(string dataDirectory, IStoreWriteObserver? observer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        DataFile = Path.Combine(dataDirectory, "cloud.db");
        _data = new DurableFileStream(DataFile);
        _log = new DurableFileStream(Path.Combine(dataDirectory, "cloud-log.db"));

        // Ordinal collation: the range keys below compare byte by byte, never by culture rules.
        _engine = new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log, Collation = Collation.Binary });
        Database = new LiteDatabase(_engine, disposeOnClose: true)
        {
            // Every commit rewrites the registry pages of the devices it stored for; a checkpoint copies each page
            // once however often it changed since the last one, so a longer log copies hot pages far less often
            // (LiteDB's default of 1,000 pages checkpointed every few commits with 10,000 gateways).
            CheckpointSize = CheckpointPages,
        };
        EnsureIndexes(Database);
        Writer = new GroupCommitWriter(Database, observer, rolledBack: DeviceRows.Clear);
    }

    public string DataFile { get; }

    internal LiteDatabase Database { get; }

    internal GroupCommitWriter Writer { get; }

    /// <summary>The devices' registry rows as the writer last wrote them; use only inside <see cref="Writer"/>'s work.</summary>
    internal DeviceRowCache DeviceRows { get; } = new();

    public Task ProbeWriteAsync(CancellationToken cancellationToken) =>
        Writer.WriteAsync(db => db.GetCollection(Health).Upsert(new BsonDocument { ["_id"] = "probe", ["n"] = 1 }), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await Writer.DisposeAsync().ConfigureAwait(false);
        Database.Dispose();
        await _data.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection(Events).EnsureIndex(LiteDbKeys.DeviceTime, "$." + LiteDbKeys.DeviceTime);
        db.GetCollection(RecentRejects).EnsureIndex(LiteDbKeys.Device, "$." + LiteDbKeys.Device);
        db.GetCollection(RejectCounts).EnsureIndex(LiteDbKeys.Device, "$." + LiteDbKeys.Device);
    }
}
