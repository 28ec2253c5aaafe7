namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>
/// Writes files atomically (temporary file with the final mode, flushed to disk, then renamed): secrets
/// as 0600 in 0700 directories, so no other user ever sees them, not even half-written.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Public = Secret | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    public const UnixFileMode PrivateDirectory = Secret | UnixFileMode.UserExecute;

    public static void EnsurePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, PrivateDirectory);
        File.SetUnixFileMode(directory, PrivateDirectory);
    }

    public static void Write(string path, string content, UnixFileMode mode)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, mode); // umask may have removed bits; an old temporary kept its mode
        }

        File.Move(temporary, path, overwrite: true);
    }
}
