using System.Globalization;

namespace Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

/// <summary>The watchdog systemd asked for (WatchdogSec= in the unit), read from the environment it set.</summary>
/// <param name="Interval">WATCHDOG_USEC: systemd restarts the service when no ping arrives within this.</param>
/// <param name="SocketPath">NOTIFY_SOCKET: where pings go.</param>
public sealed record WatchdogSettings(TimeSpan Interval, string SocketPath)
{
    private const ulong MaxMicroseconds = 86_400_000_000;

    /// <summary>Pings go out at half the interval, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan PingPeriod => Interval / 2;

    /// <summary>
    /// The settings when systemd enabled the watchdog for this process: WATCHDOG_USEC is a positive
    /// number, NOTIFY_SOCKET is set, and WATCHDOG_PID (when present) is this process. Otherwise null.
    /// </summary>
    public static WatchdogSettings? FromEnvironment(Func<string, string?> variable, int processId)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var socket = variable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(socket)
            || !ulong.TryParse(variable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec == 0)
        {
            return null;
        }

        var pid = variable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null; // meant for another process (e.g. our parent)
        }

        // Capped at a day: a longer watchdog is no watchdog, and the cap keeps the arithmetic in range.
        return new WatchdogSettings(TimeSpan.FromMicroseconds((long)Math.Min(usec, MaxMicroseconds)), socket);
    }
}
