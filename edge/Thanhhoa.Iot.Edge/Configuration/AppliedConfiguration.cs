using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>
/// Holds the applied desired configuration and answers from it for the parts of the gateway that change
/// without a restart: the poller (<see cref="ISensorSchedule"/>: channel on/off, poll interval) and the
/// uplink (<see cref="IUploadCadence"/>). Alarm thresholds are retuned on the rules themselves.
/// </summary>
public sealed class AppliedConfiguration : ISensorSchedule, IUploadCadence
{
    private AppliedConfig _current = AppliedConfig.ProfileOnly;

    /// <summary>Raised after a new configuration is in force.</summary>
    public event EventHandler<AppliedConfig>? Changed;

    public AppliedConfig Current => Volatile.Read(ref _current);

    public TimeSpan TelemetryInterval =>
        Current.Document?.Settings.UploadSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;

    public bool IsEnabled(string channelId) => Current.Channel(channelId)?.Enabled ?? true;

    public TimeSpan? IntervalOf(string channelId) =>
        Current.Channel(channelId)?.PollSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    internal void Publish(AppliedConfig config)
    {
        Volatile.Write(ref _current, config);
        Changed?.Invoke(this, config);
    }
}
