using System.Runtime.InteropServices;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>fsync of a directory, so that a newly created file survives a power cut (Linux only).</summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux (x64 and arm64)

    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(System.Text.Encoding.UTF8.GetBytes(path + "\0"), ReadOnly | Directory);
        if (fd < 0)
        {
            return; // best effort: the files themselves are synced on every commit
        }

        try
        {
            _ = FSync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport with a byte[] path keeps the project free of unsafe code (LibraryImport needs it).
    [DllImport("libc", EntryPoint = "open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] nulTerminatedUtf8Path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
