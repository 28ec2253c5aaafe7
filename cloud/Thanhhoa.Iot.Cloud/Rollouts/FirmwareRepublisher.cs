using System.Threading.Channels;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// Keeps the retained down/firmware messages in the broker: re-publishes the desired firmware of every
/// released, unfinished device of an active rollout when the cloud starts (the embedded broker keeps
/// retained messages in memory only), and again at a device's birth, so a stalled device picks up where it was.
/// </summary>
public sealed class FirmwareRepublisher(IRolloutStore store, RolloutDelivery delivery, ILogger<FirmwareRepublisher> logger) : BackgroundService, IIngestListener
{
    private readonly Channel<string> _born = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask ReadingsStoredAsync(string deviceId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask EventsStoredAsync(string deviceId, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask LinkChangedAsync(string deviceId, LinkUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.State == LinkState.Online)
        {
            _born.Writer.TryWrite(deviceId);
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await GuardedAsync("republish at start", () => RepublishAllAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
            await foreach (var deviceId in _born.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await GuardedAsync($"birth of {deviceId}", () => RepublishAsync(deviceId, stoppingToken), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RepublishAllAsync(CancellationToken stoppingToken)
    {
        var count = 0;
        foreach (var rollout in (await store.ListAsync(stoppingToken).ConfigureAwait(false)).Where(r => r.IsActive && r.Kind == RolloutKind.Firmware))
        {
            foreach (var device in (await store.ListDevicesAsync(rollout.Id, stoppingToken).ConfigureAwait(false)).Where(d => d.Released && !d.Finished))
            {
                await delivery.PublishFirmwareAsync(rollout, device.DeviceId, stoppingToken).ConfigureAwait(false);
                count++;
            }
        }

        RolloutsLog.Republished(logger, count);
    }

    private async Task RepublishAsync(string deviceId, CancellationToken stoppingToken)
    {
        foreach (var entry in (await store.ListByDeviceAsync(deviceId, stoppingToken).ConfigureAwait(false)).Where(d => d.Released && !d.Finished))
        {
            if (await store.GetAsync(entry.RolloutId, stoppingToken).ConfigureAwait(false) is { IsActive: true, Kind: RolloutKind.Firmware } rollout)
            {
                await delivery.PublishFirmwareAsync(rollout, deviceId, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task GuardedAsync(string work, Func<Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            RolloutsLog.WorkFailed(logger, work, ex);
        }
    }
}
