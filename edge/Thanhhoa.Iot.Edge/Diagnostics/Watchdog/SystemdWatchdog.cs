using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

/// <summary>
/// Pings systemd's watchdog (WATCHDOG=1) at half the interval systemd gave, but only while
/// <see cref="IGatewayLiveness"/> says the gateway is alive. When it is not, the pings stop and
/// systemd kills and restarts the service (Restart=on-failure). Does nothing outside systemd.
/// </summary>
internal sealed class SystemdWatchdog(
    WatchdogSettings? settings, IGatewayLiveness liveness, TimeProvider time, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings is null)
        {
            DiagnosticsLog.WatchdogOff(logger);
            return;
        }

        DiagnosticsLog.WatchdogOn(logger, settings.Interval, settings.PingPeriod);
        using var socket = NotifySocket.Connect(settings.SocketPath);
        using var timer = new PeriodicTimer(settings.PingPeriod, time);
        try
        {
            do
            {
                if (!Ping(socket))
                {
                    return; // withheld: systemd takes it from here
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; systemd stops watching when the service stops.
        }
    }

    private bool Ping(NotifySocket socket)
    {
        var why = liveness.WhyNotAlive();
        if (why is not null)
        {
            DiagnosticsLog.WatchdogWithheld(logger, why);
            return false;
        }

        try
        {
            socket.Send("WATCHDOG=1");
        }
        catch (SocketException ex)
        {
            DiagnosticsLog.WatchdogPingFailed(logger, ex.Message);
        }

        return true;
    }
}
