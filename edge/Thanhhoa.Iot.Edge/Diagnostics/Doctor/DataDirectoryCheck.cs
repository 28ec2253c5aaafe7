using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>
/// The data directory (outbox, session counter, credentials) exists, takes a durable write (written,
/// fsync'd, read back, removed) and has room: the outbox needs its quota plus headroom.
/// </summary>
public sealed class DataDirectoryCheck(Texts texts, string directory, long minimumFreeBytes) : IDiagnosticCheck
{
    /// <summary>Below this much free space the outbox cannot ride out a long outage.</summary>
    public const long DefaultMinimumFreeBytes = 64L * 1024 * 1024;

    public string Name => "data-dir";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.DataDirMissing, directory), texts.Format(TextKey.DataDirMissingFix, directory)));
        }

        try
        {
            ProbeWrite(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.DataDirNotWritable, directory, ex.Message), texts.Format(TextKey.DataDirNotWritableFix, directory)));
        }

        var free = new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace;
        return Task.FromResult(free < minimumFreeBytes
            ? CheckResult.Fail(Name, texts.Format(TextKey.DataDirFull, directory, Mib(free), Mib(minimumFreeBytes)), texts[TextKey.DataDirFullFix])
            : CheckResult.Ok(Name, texts.Format(TextKey.DataDirOk, directory, Mib(free))));
    }

    private static void ProbeWrite(string directory)
    {
        var probe = Path.Combine(directory, $".thgw-doctor-{Environment.ProcessId}");
        try
        {
            var content = Guid.NewGuid().ToByteArray();
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }

            if (!File.ReadAllBytes(probe).AsSpan().SequenceEqual(content))
            {
                throw new IOException($"'{probe}' read back different bytes than were written: the storage is corrupting data.");
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
