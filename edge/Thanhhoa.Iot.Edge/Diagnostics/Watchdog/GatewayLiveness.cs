using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

/// <summary>
/// The gateway is alive while: no background loop has died with an exception, the uplink loop is
/// still running (it only ends when the host stops), and the outbox answers a status query. This
/// does not see a loop that is alive but stuck inside an await; the ping itself runs on the thread
/// pool and a timer, so a wedged pool or a frozen process does stop the pings.
/// </summary>
internal sealed class GatewayLiveness(IServiceProvider services) : IGatewayLiveness
{
    // Resolved on first use: the watchdog is itself a hosted service, so resolving them all in its constructor would recurse.
    private IReadOnlyList<BackgroundService>? _loops;

    public string? WhyNotAlive()
    {
        _loops ??= services.GetServices<IHostedService>().OfType<BackgroundService>().Where(s => s is not SystemdWatchdog).ToList();
        foreach (var loop in _loops)
        {
            var task = loop.ExecuteTask;
            if (task is { IsFaulted: true })
            {
                return $"{loop.GetType().Name} failed: {task.Exception?.InnerException?.Message}";
            }

            if (loop is MqttUplink && task is { IsCompleted: true })
            {
                return "the uplink loop has ended";
            }
        }

        try
        {
            services.GetService<IOutbox>()?.GetStatus();
            return null;
        }
        catch (Exception ex)
        {
            return $"the outbox does not answer: {ex.Message}";
        }
    }
}
