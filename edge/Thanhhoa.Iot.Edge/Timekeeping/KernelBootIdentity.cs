namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// The Linux kernel's boot id (<c>/proc/sys/kernel/random/boot_id</c>), which stays the same across
/// restarts of the process within one boot, as the monotonic clock does. Where the file cannot be
/// read (not Linux), a random id per process start: rows of an earlier process are then treated as of an earlier boot.
/// </summary>
public sealed class KernelBootIdentity : IBootIdentity
{
    /// <summary>Where Linux publishes the id of the running boot.</summary>
    public const string DefaultPath = "/proc/sys/kernel/random/boot_id";

    public KernelBootIdentity()
        : this(DefaultPath)
    {
    }

    public KernelBootIdentity(string path)
    {
        BootId = Read(path) ?? Guid.NewGuid().ToString("D");
    }

    public string BootId { get; }

    private static string? Read(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
