using LiteDB;
using LiteDB.Engine;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>
/// The ids of commands this gateway has seen, their state and results, in a LiteDB file beside the
/// outbox (<c>commands.db</c>). Every write is fsync'd before it returns (the streams sync on flush, as
/// the outbox's do), so "received", "running" and "done" survive a power cut and a command id runs at
/// most once, also across restarts. The file is created on the first command, so simulated fleets of
/// gateways that never get one hold no extra files open.
/// </summary>
internal sealed class CommandJournal : IDisposable
{
    private const string Collection = "cmd";
    private const int PageSize = 8192;
    private const int CheckpointPages = 64;
    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly string _logPath;
    private LiteEngine? _engine;
    private SyncOnFlushStream? _log;
    private SyncOnFlushStream? _data;

    public CommandJournal(string directory, string fileName)
    {
        _directory = Path.GetFullPath(directory);
        DataPath = Path.Combine(_directory, fileName);
        _logPath = Path.Combine(_directory, Path.GetFileNameWithoutExtension(fileName) + "-log" + Path.GetExtension(fileName));
    }

    public string DataPath { get; }

    /// <summary>False until the first command was journalled (nothing to recover).</summary>
    public bool Exists => File.Exists(DataPath);

    public JournalEntry? Find(string id)
    {
        lock (_lock)
        {
            return FindLocked(id);
        }
    }

    /// <summary>Stores a new entry durably; false (and nothing stored) when the id is already known.</summary>
    public bool TryAdd(JournalEntry entry)
    {
        lock (_lock)
        {
            if (FindLocked(entry.Id) is not null)
            {
                return false;
            }

            Engine().Insert(Collection, [ToDocument(entry)], BsonAutoId.ObjectId);
            Sync();
            return true;
        }
    }

    /// <summary>Replaces an entry durably.</summary>
    public void Save(JournalEntry entry)
    {
        lock (_lock)
        {
            Engine().Upsert(Collection, [ToDocument(entry)], BsonAutoId.ObjectId);
            Sync();
        }
    }

    /// <summary>Entries whose result has not reached the outbox yet, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Unfinished()
    {
        lock (_lock)
        {
            if (_engine is null && !Exists)
            {
                return [];
            }

            var query = new Query();
            query.Where.Add(Query.LT("st", (int)JournalState.Reported));
            using var reader = Engine().Query(Collection, query);
            var entries = new List<JournalEntry>();
            while (reader.Read())
            {
                entries.Add(FromDocument(reader.Current.AsDocument));
            }

            return entries.OrderBy(e => e.ReceivedAt).ToList();
        }
    }

    /// <summary>Forgets reported commands that expired before <paramref name="before"/>; returns how many.</summary>
    public int Prune(DateTimeOffset before)
    {
        lock (_lock)
        {
            if (_engine is null && !Exists)
            {
                return 0;
            }

            var removed = Engine().DeleteMany(Collection, BsonExpression.Create(
                "st = @0 AND exp < @1", new BsonValue((int)JournalState.Reported), new BsonValue(before.UtcTicks)));
            Sync();
            return removed;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_engine is null)
            {
                return;
            }

            try
            {
                _log!.Flush();
                _engine.Checkpoint();
            }
            catch (Exception e) when (e is IOException or LiteException)
            {
                // The log is replayed on the next open.
            }

            _engine.Dispose();
            _data!.Dispose();
            _log!.Dispose();
            _engine = null;
        }
    }

    private JournalEntry? FindLocked(string id)
    {
        if (_engine is null && !Exists)
        {
            return null;
        }

        var query = new Query();
        query.Where.Add(Query.EQ("_id", id));
        using var reader = Engine().Query(Collection, query);
        return reader.Read() ? FromDocument(reader.Current.AsDocument) : null;
    }

    private LiteEngine Engine()
    {
        if (_engine is not null)
        {
            return _engine;
        }

        Directory.CreateDirectory(_directory);
        _data = Open(DataPath);
        _log = Open(_logPath);
        _engine = new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log });

        // No automatic checkpoints inside a commit (before our fsync); see OutboxDatabase.Checkpoint.
        _engine.Pragma("CHECKPOINT", 0);
        DirectorySync.Flush(_directory);
        return _engine;
    }

    private void Sync()
    {
        _log!.Flush();
        if (_log.Length > (long)CheckpointPages * PageSize)
        {
            _engine!.Checkpoint();
        }
    }

    private static SyncOnFlushStream Open(string path)
    {
        try
        {
            return SyncOnFlushStream.ForFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOException(
                $"The command journal '{path}' could not be opened: {e.Message}. Another gateway process may be using it; stop it (systemctl stop thgw) or point Gateway:DataDirectory elsewhere.",
                e);
        }
    }

    private static BsonDocument ToDocument(JournalEntry e)
    {
        var doc = new BsonDocument
        {
            ["_id"] = e.Id,
            ["type"] = e.Type,
            ["exp"] = e.Expires.UtcTicks,
            ["st"] = (int)e.State,
            ["cmd"] = e.Command,
            ["at"] = e.ReceivedAt.UtcTicks,
        };
        if (e.Result is not null)
        {
            doc["res"] = e.Result;
        }

        return doc;
    }

    private static JournalEntry FromDocument(BsonDocument d) => new(
        d["_id"].AsString,
        d["type"].AsString,
        new DateTimeOffset(d["exp"].AsInt64, TimeSpan.Zero),
        (JournalState)d["st"].AsInt32,
        d["cmd"].AsBinary,
        d.TryGetValue("res", out var res) ? res.AsBinary : null,
        new DateTimeOffset(d["at"].AsInt64, TimeSpan.Zero));
}
