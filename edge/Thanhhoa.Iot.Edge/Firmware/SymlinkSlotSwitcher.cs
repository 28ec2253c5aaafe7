using System.Runtime.InteropServices;
using Thanhhoa.Iot.Edge.Commands.Host;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// <c>{root}/current</c> → <c>slots/a</c> or <c>slots/b</c>, repointed by creating a new symlink and
/// renaming it over the old one (rename(2) is atomic: a power cut leaves the old or the new link, never
/// none), restarted through <see cref="IHostControl"/>. Linux only, like the systemd unit that uses it.
/// </summary>
public sealed class SymlinkSlotSwitcher(string root, IHostControl host) : ISlotSwitcher
{
    public const string CurrentLink = "current";

    public string? CurrentSlot
    {
        get
        {
            var target = new FileInfo(Path.Combine(root, CurrentLink)).LinkTarget;
            return target is null ? null : Path.GetFileName(target.TrimEnd('/'));
        }
    }

    public void Point(string slot)
    {
        var temp = Path.Combine(root, CurrentLink + ".new");
        File.Delete(temp);
        File.CreateSymbolicLink(temp, Path.Combine(SlotLayout.SlotsFolder, slot));
        // File.Move refuses a link to a directory (it checks File.Exists through the link), so rename(2) directly.
        if (Rename(Utf8(temp), Utf8(Path.Combine(root, CurrentLink))) != 0)
        {
            throw new IOException($"cannot point '{Path.Combine(root, CurrentLink)}' at slots/{slot} (errno {Marshal.GetLastPInvokeError()}); check thgw may write {root}.");
        }

        DirectorySync.Flush(root);
    }

    public Task RestartAsync(CancellationToken cancellationToken) => host.RestartServiceAsync(cancellationToken);

    private static byte[] Utf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    // DllImport with byte[] paths keeps the project free of unsafe code (LibraryImport needs it).
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Rename(byte[] nulTerminatedOldPath, byte[] nulTerminatedNewPath);
}
