using NUnit.Framework;
using Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

namespace Thanhhoa.Iot.Edge.Tests.Diagnostics;

[TestFixture]
[Category("Unit")]
public sealed class WatchdogSettingsTests
{
    private const int Pid = 4242;

    [Test]
    public void FromEnvironment_SystemdWatchdogForThisProcess_PingsAtHalfTheInterval()
    {
        var settings = WatchdogSettings.FromEnvironment(Env("/run/systemd/notify", "30000000", "4242"), Pid);

        Assert.That(settings, Is.Not.Null);
        Assert.That(settings!.Interval, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(settings.PingPeriod, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(settings.SocketPath, Is.EqualTo("/run/systemd/notify"));
    }

    [TestCase(null, "30000000", null)]
    [TestCase("/run/systemd/notify", null, null)]
    [TestCase("/run/systemd/notify", "0", null)]
    [TestCase("/run/systemd/notify", "soon", null)]
    [TestCase("/run/systemd/notify", "30000000", "1")]
    public void FromEnvironment_NotForThisProcess_IsOff(string? socket, string? usec, string? pid)
    {
        Assert.That(WatchdogSettings.FromEnvironment(Env(socket, usec, pid), Pid), Is.Null);
    }

    private static Func<string, string?> Env(string? socket, string? usec, string? pid) => name => name switch
    {
        "NOTIFY_SOCKET" => socket,
        "WATCHDOG_USEC" => usec,
        "WATCHDOG_PID" => pid,
        _ => null,
    };
}
