using System.Runtime.InteropServices;
using System.Text;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Replaces a small file so that after a power cut it holds either the old or the new content:
/// write a temp file, fsync it, rename it over the old one, fsync the directory (SD cards lose
/// renames that only sat in the page cache).
/// </summary>
internal static class DurableFile
{
    private const int ReadOnly = 0;

    public static void Replace(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        SyncDirectory(directory);
    }

    private static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(Encoding.UTF8.GetBytes(directory + "\0"), ReadOnly);
        if (fd < 0)
        {
            return; // best effort: the file itself is already on disk
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
