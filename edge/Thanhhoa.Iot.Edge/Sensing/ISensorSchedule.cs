namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>
/// Run-time changes to when channels are read (desired configuration from the cloud): a channel may be
/// switched off or read more slowly than its profile says. Read by the poller at every tick.
/// </summary>
public interface ISensorSchedule
{
    /// <summary>False: the poller skips the channel until it is enabled again.</summary>
    bool IsEnabled(string channelId);

    /// <summary>The interval to read the channel at; null for its own <see cref="ISensorChannel.PollInterval"/>.</summary>
    TimeSpan? IntervalOf(string channelId);
}
