using LiteDB;
using LiteDB.Engine;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// The outbox's durable write path on this board and runtime: LiteDB over our own fsync-on-flush
/// streams, rows appended in one transaction, the log fsync'd after the commit (LiteDB 5.0.21
/// commits without flushing), a checkpoint that must fsync the data file before the log is
/// truncated, then close, reopen and read every row back.
/// </summary>
internal sealed class LiteDbDurabilityCheck(Texts texts, string parentDirectory) : IDiagnosticCheck
{
    private const int Rows = 100;
    private const string Collection = "selftest";

    public string Name => "litedb-durable";

    public string? Progress => texts.Format(TextKey.LiteDbProgress, parentDirectory);

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(parentDirectory, $"thgw-selftest-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            var syncs = Append(directory);
            if (syncs == 0)
            {
                return Task.FromResult(CheckResult.Fail(Name, texts[TextKey.LiteDbNoFsync], texts[TextKey.BrokenBuildFix]));
            }

            var (count, last) = ReadBack(directory);
            return Task.FromResult(count == Rows && last == Rows
                ? CheckResult.Ok(Name, texts.Format(TextKey.LiteDbOk, Rows, syncs))
                : CheckResult.Fail(Name, texts.Format(TextKey.LiteDbLost, Rows, count), texts[TextKey.StorageFix]));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.LiteDbFailed, directory, ex.Message), texts[TextKey.StorageFix]));
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private static int Append(string directory)
    {
        using var data = Open(directory, "outbox.db");
        using var log = Open(directory, "outbox-log.db");
        using var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log });
        var docs = Enumerable.Range(1, Rows).Select(i => new BsonDocument { ["_id"] = (long)i, ["ch"] = "battery_v", ["val"] = 48.0 + (i / 100.0) });
        engine.Insert(Collection, docs, BsonAutoId.Int64);
        log.Flush(); // the commit becomes durable here
        var before = data.Syncs;
        engine.Checkpoint();
        return data.Syncs - before;
    }

    private static (int Count, long Last) ReadBack(string directory)
    {
        using var data = Open(directory, "outbox.db");
        using var log = Open(directory, "outbox-log.db");
        using var database = new LiteDatabase(new LiteEngine(new EngineSettings { DataStream = data, LogStream = log }));
        var rows = database.GetCollection(Collection);
        var last = rows.Query().OrderByDescending("_id").Limit(1).ToList().Select(d => d["_id"].AsInt64).FirstOrDefault();
        return (rows.Count(), last);
    }

    private static FsyncCountingStream Open(string directory, string name) =>
        new(new FileStream(Path.Combine(directory, name), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096));

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the result above is what matters.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
