using System.Runtime.InteropServices;

namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>
/// Linux: synchronised when systemd-timesyncd left its flag file, or when the kernel's NTP state
/// (<c>ntp_adjtime</c>, what <c>adjtimex</c> and <c>timedatectl</c> read) is not TIME_ERROR, i.e. a time
/// daemon disciplines the clock. Elsewhere never synchronised (the cloud's time decides).
/// </summary>
public sealed class LinuxClockSyncState : IClockSyncState
{
    /// <summary>The file systemd-timesyncd creates once it has synchronised the clock.</summary>
    public const string TimesyncFlagFile = "/run/systemd/timesync/synchronized";

    private const int TimeError = 5;

    public bool IsSynchronized()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (File.Exists(TimesyncFlagFile))
        {
            return true;
        }

        try
        {
            // struct timex is about 208 bytes on 64-bit Linux; modes = 0 only reads.
            var timex = new byte[512];
            return NtpAdjTime(timex) is >= 0 and not TimeError;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport with a byte[] keeps the project free of unsafe code (LibraryImport needs it).
    [DllImport("libc", EntryPoint = "ntp_adjtime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NtpAdjTime([In, Out] byte[] timex);
}
