using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Timelines and availability of sites from the ledger: the gateway bound to the site supplies the
/// history; "now" comes from the TimeProvider, and a range never reaches past it.
/// </summary>
public sealed class UptimeService(DeviceHistoryCache histories, IOptions<UptimeOptions> options, TimeProvider time)
{
    /// <summary>A range ending this close to now ("the last 24 h", parsed a moment ago) ends now: an outage reaching it goes on.</summary>
    private static readonly TimeSpan NowTolerance = TimeSpan.FromMinutes(1);

    /// <param name="site">The site code.</param>
    /// <param name="deviceId">The gateway bound to the site, or null when none has reported it yet (all unknown).</param>
    /// <param name="from">Range start.</param>
    /// <param name="to">Range end (clipped to now).</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    public async Task<SiteTimeline> TimelineAsync(string site, string? deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var end = to < now ? to : now;
        var input = deviceId is null ? LedgerInput.Empty : (await HistoryFor(deviceId, from, cancellationToken).ConfigureAwait(false)).ToLedgerInput();
        return UptimeLedger.Build(site, input, from, end, options.Value.MaxSilence, ongoing: now - end <= NowTolerance);
    }

    private Task<DeviceHistory> HistoryFor(string deviceId, DateTimeOffset from, CancellationToken cancellationToken) =>
        from >= histories.CoveredFrom
            ? histories.GetAsync(deviceId, cancellationToken)
            : histories.LoadUncachedAsync(deviceId, from - options.Value.StateLookback, cancellationToken);
}
