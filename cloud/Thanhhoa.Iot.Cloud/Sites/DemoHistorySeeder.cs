using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// Writes demo gateways' histories through the real stores: events into the telemetry store, link changes into the
/// ledger's link history, and births (with the site) into the registry. Many gateways are written at once so the
/// store's group commit batches them. A live gateway that later reports the same site takes the site over.
/// </summary>
public sealed class DemoHistorySeeder(ITelemetryStore telemetry, ILinkHistoryStore links, IDeviceRegistry registry)
{
    private const int Parallel = 128;
    private const int EventsPerBatch = 500;

    public async Task SeedAsync(IReadOnlyList<DemoGatewayHistory> histories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(histories);
        foreach (var chunk in histories.Chunk(Parallel))
        {
            await Task.WhenAll(chunk.Select(h => SeedOneAsync(h, cancellationToken))).ConfigureAwait(false);
        }
    }

    private async Task SeedOneAsync(DemoGatewayHistory history, CancellationToken cancellationToken)
    {
        foreach (var batch in history.Events.Chunk(EventsPerBatch))
        {
            await telemetry.AppendEventsAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        await links.AppendManyAsync(history.DeviceId, history.Links.Select(l => l.Change).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (change, session) in history.Links)
        {
            var update = new LinkUpdate(change.Online ? LinkState.Online : LinkState.Offline, session, change.At, change.Online ? null : "lost", "demo", history.Site);
            await registry.ApplyLinkAsync(history.DeviceId, update, cancellationToken).ConfigureAwait(false);
        }
    }
}
