using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.Watchdog;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Tests.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

/// <summary>The watchdog against a real Unix datagram socket standing where systemd's NOTIFY_SOCKET is.</summary>
[TestFixture]
[Category("Integration")]
public sealed class SystemdWatchdogTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Execute_GatewayAlive_PingsAtOnceAndEveryHalfInterval()
    {
        using var dir = new TempDirectory("thgw-notify");
        using var systemd = Bind(dir.File("notify"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(new FailingLoop(fail: false));
        using var watchdog = new SystemdWatchdog(new WatchdogSettings(Interval, dir.File("notify")), new GatewayLiveness(services), time, new TestContextLogger<SystemdWatchdog>());

        await watchdog.StartAsync(CancellationToken.None);
        Assert.That(await ReceiveAsync(systemd), Is.EqualTo("WATCHDOG=1"));
        time.Advance(Interval / 2);
        Assert.That(await ReceiveAsync(systemd), Is.EqualTo("WATCHDOG=1"));

        await watchdog.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Execute_AGatewayLoopDied_SendsNoPingAndStops()
    {
        using var dir = new TempDirectory("thgw-notify");
        using var systemd = Bind(dir.File("notify"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var loop = new FailingLoop(fail: true);
        await using var services = Services(loop);
        await loop.StartAsync(CancellationToken.None);
        Assert.ThrowsAsync<IOException>(async () => await loop.ExecuteTask!.WaitAsync(Deadline));
        using var watchdog = new SystemdWatchdog(new WatchdogSettings(Interval, dir.File("notify")), new GatewayLiveness(services), time, new TestContextLogger<SystemdWatchdog>());

        await watchdog.StartAsync(CancellationToken.None);
        await watchdog.ExecuteTask!.WaitAsync(Deadline);

        Assert.That(systemd.Available, Is.Zero, "no WATCHDOG=1 may reach systemd once a loop died");
    }

    private static ServiceProvider Services(FailingLoop loop)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOutbox, InMemoryOutboxDouble>();
        services.AddSingleton<IHostedService>(loop);
        return services.BuildServiceProvider();
    }

    private static Socket Bind(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(Deadline);
        var count = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, count);
    }

    /// <summary>A gateway loop that either keeps running until stopped or dies at once.</summary>
    private sealed class FailingLoop(bool fail) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => fail
            ? Task.FromException(new IOException("disk gone"))
            : Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
