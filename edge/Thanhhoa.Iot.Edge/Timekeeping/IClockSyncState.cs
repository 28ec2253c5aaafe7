namespace Thanhhoa.Iot.Edge.Timekeeping;

/// <summary>Whether the operating system says its wall clock is synchronised (NTP, chrony, systemd-timesyncd).</summary>
public interface IClockSyncState
{
    /// <summary>True when the OS clock is synchronised now; asked every <see cref="TimekeepingOptions.PollInterval"/>.</summary>
    bool IsSynchronized();
}
