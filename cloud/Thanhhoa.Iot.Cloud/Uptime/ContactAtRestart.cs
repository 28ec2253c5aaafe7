using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// Before the broker accepts anyone: a gateway whose last recorded link change is a birth was cut off when
/// the cloud stopped. Its contact is recorded as lost from when it was last heard from, so the ledger shows
/// the cloud's own downtime as unknown (buffered data uploaded later fills in what it can).
/// </summary>
public sealed partial class ContactAtRestart(ILinkHistoryStore links, IDeviceRegistry registry, ILogger<ContactAtRestart> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var online = await links.LastChangeOnlineAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (deviceId, birthAt) in online)
        {
            var lastSeen = (await registry.GetAsync(deviceId, cancellationToken).ConfigureAwait(false))?.LastSeen;
            var at = lastSeen is { } seen && seen > birthAt ? seen : birthAt;
            await links.AppendAsync(deviceId, new LinkChange(at, false), cancellationToken).ConfigureAwait(false);
        }

        if (online.Count > 0)
        {
            Restarted(logger, online.Count);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information,
        Message = "Cloud start: {Count} gateways were online when the cloud stopped; their contact is recorded as lost from when they were last heard")]
    private static partial void Restarted(ILogger logger, int count);
}
