using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>
/// How births and deaths change a device's state. Messages of one session can arrive late or out of
/// order (a last will is published by the broker, possibly after the gateway reconnected), so the
/// session counter decides: nothing about an older session changes a newer one.
/// </summary>
public static class LinkStateRules
{
    /// <summary>The state after <paramref name="update"/>, or null when the update is stale and ignored.</summary>
    public static DeviceState? Apply(DeviceState current, LinkUpdate update)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        return update.State == LinkState.Online ? Birth(current, update) : Death(current, update);
    }

    private static DeviceState? Birth(DeviceState current, LinkUpdate update)
    {
        // A birth of the current session after its death is a late duplicate: that session is over. A birth of the live
        // session that tells nothing new is a second copy (redelivered, or handed to two ingest groups during a rolling
        // upgrade): ignored too, so its link change is recorded and acted on once.
        var isNewSession = update.Session > current.Session;
        var isSameLiveSession = update.Session == current.Session && current.Online;
        if (!isNewSession && (!isSameLiveSession || IsRepeat(current, update)))
        {
            return null;
        }

        return current with
        {
            Online = true,
            Session = update.Session,
            OfflineReason = null,
            StateChangedAt = current.Online && !isNewSession ? current.StateChangedAt : update.At,
            Firmware = update.Firmware ?? current.Firmware,
            Site = update.Site ?? current.Site,
            LastSeen = Later(current.LastSeen, update.At),
        };
    }

    private static DeviceState? Death(DeviceState current, LinkUpdate update)
    {
        if (update.Session < current.Session || (update.Session == current.Session && !current.Online))
        {
            return null;
        }

        return current with
        {
            Online = false,
            Session = update.Session,
            OfflineReason = update.Reason ?? "offline",
            StateChangedAt = update.At,
            Firmware = update.Firmware ?? current.Firmware,
            Site = update.Site ?? current.Site,
        };
    }

    private static bool IsRepeat(DeviceState current, LinkUpdate update) =>
        (update.Firmware is null || update.Firmware == current.Firmware) && (update.Site is null || update.Site == current.Site);

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
