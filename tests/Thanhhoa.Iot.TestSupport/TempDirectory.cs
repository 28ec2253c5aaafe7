namespace Thanhhoa.Iot.TestSupport;

/// <summary>A fresh directory under the system temp folder, deleted on dispose (kept when THIOT_KEEP_TEMP=1).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "thiot")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("THIOT_KEEP_TEMP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner takes the rest.
        }
    }
}
