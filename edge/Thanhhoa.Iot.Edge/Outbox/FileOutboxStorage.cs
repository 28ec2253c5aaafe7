using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// The outbox files on the gateway's disk: <c>{DataDirectory}/{FileName}</c> and its <c>-log</c>
/// sibling, opened exclusively (a second gateway process on the same files fails to start) and
/// wrapped so that every flush is an fsync.
/// </summary>
public sealed class FileOutboxStorage : IOutboxStorage
{
    private readonly string _directory;

    public FileOutboxStorage(IOptions<OutboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = Path.GetFullPath(options.Value.DataDirectory);
        DataPath = Path.Combine(_directory, options.Value.FileName);
        LogPath = Path.Combine(_directory, Path.GetFileNameWithoutExtension(options.Value.FileName) + "-log" + Path.GetExtension(options.Value.FileName));
    }

    /// <summary>Full path of the data file.</summary>
    public string DataPath { get; }

    /// <summary>Full path of the write-ahead log.</summary>
    public string LogPath { get; }

    public string Description => DataPath;

    public OutboxStreams Open()
    {
        Directory.CreateDirectory(_directory);
        var created = !File.Exists(DataPath) || !File.Exists(LogPath);
        var data = OpenFile(DataPath);
        try
        {
            var log = OpenFile(LogPath);
            if (created)
            {
                // A new file's directory entry is itself data that a power cut can lose.
                DirectorySync.Flush(_directory);
            }

            return new OutboxStreams(data, log);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    private static SyncOnFlushStream OpenFile(string path)
    {
        try
        {
            // bufferSize 0: LiteDB writes whole 8 KiB pages; no second user-space buffer to lose.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.None);
            return SyncOnFlushStream.ForFile(file);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOException(
                $"The outbox file '{path}' could not be opened: {e.Message}. Another gateway process may be using it; stop it (systemctl stop thgw) or point Outbox:DataDirectory elsewhere.",
                e);
        }
    }
}
