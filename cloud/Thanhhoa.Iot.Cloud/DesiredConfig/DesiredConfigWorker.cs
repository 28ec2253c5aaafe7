using System.Threading.Channels;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>
/// Keeps the retained down/config messages in the broker: re-publishes every gateway's desired revision
/// when the cloud starts (the embedded broker keeps retained messages in memory only), and again after a
/// gateway's birth when it does not report that revision in force.
/// </summary>
public sealed class DesiredConfigWorker(DesiredConfigService config, ILogger<DesiredConfigWorker> logger) : BackgroundService, IDeviceOnlineObserver
{
    private readonly Channel<string> _born = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Online(string deviceId, long session) => _born.Writer.TryWrite(deviceId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RepublishAllAsync(stoppingToken).ConfigureAwait(false);
            await foreach (var deviceId in _born.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await GuardedAsync($"birth of {deviceId}", () => RepublishIfLaggingAsync(deviceId, stoppingToken), stoppingToken).ConfigureAwait(false);
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
        await GuardedAsync("republish at start", async () =>
        {
            foreach (var device in await config.ListDevicesAsync(stoppingToken).ConfigureAwait(false))
            {
                if (device.Desired is not null)
                {
                    await config.RepublishAsync(device, stoppingToken).ConfigureAwait(false);
                    count++;
                }
            }
        }, stoppingToken).ConfigureAwait(false);
        DesiredConfigLog.Republished(logger, count);
    }

    private async Task RepublishIfLaggingAsync(string deviceId, CancellationToken stoppingToken)
    {
        if (await config.GetDeviceAsync(deviceId, stoppingToken).ConfigureAwait(false) is { Lagging: true } device)
        {
            await config.RepublishAsync(device, stoppingToken).ConfigureAwait(false);
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
            DesiredConfigLog.WorkFailed(logger, work, ex);
        }
    }
}
