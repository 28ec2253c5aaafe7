namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Pushes a site's new status (and, when they changed, its alarms) to the page's live feed, if anyone listens.</summary>
public sealed class SitePush(SiteBoard board, DashboardFeed feed)
{
    public async Task PushAsync(string? site, bool alarmsChanged, CancellationToken cancellationToken)
    {
        if (site is null || !feed.HasSubscribers)
        {
            return;
        }

        if (await board.StatusAsync(site, cancellationToken).ConfigureAwait(false) is not { } status)
        {
            return;
        }

        feed.Publish("site", status);
        if (alarmsChanged)
        {
            feed.Publish("alarms", new { site, alarms = await board.AlarmsAsync(site, cancellationToken).ConfigureAwait(false) });
        }
    }
}
