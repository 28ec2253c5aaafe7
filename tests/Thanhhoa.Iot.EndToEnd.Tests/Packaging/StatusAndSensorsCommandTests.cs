using NUnit.Framework;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Diagnostics.Status;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Packaging;

[TestFixture]
[Category("Integration")]
public sealed class StatusAndSensorsCommandTests
{
    [Test]
    public async Task Status_NoStatusFile_SaysNotRunningAndExitsOne()
    {
        using var data = new TempDirectory("thgw-status");

        var run = await ThgwRun.ExecAsync(["status"], DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Text);
        Assert.That(run.Text, Does.Contain("bts-th-0001").And.Contain("127.0.0.1:1883").And.Contain("not running: no status file"), run.Text);
    }

    [Test]
    public async Task Status_FreshStatusFileFromService_ShowsLinkAndOutboxAndExitsZero()
    {
        using var data = new TempDirectory("thgw-status");
        var now = DateTimeOffset.UtcNow;
        var link = UplinkStatusSnapshot.Initial with { Connected = true, Session = 7, LastSync = now, DeliveredReadings = 1234, DeliveredEvents = 5 };
        StatusFile.Write(StatusFile.PathIn(data.Path), new GatewayStatusDocument(
            "bts-th-0001", "th-nhu-xuan-01", "0.1.0", "10.0.0.5:8883", true, 4242, now.AddHours(-1), now, TimeSpan.FromSeconds(15), true,
            link, new OutboxStatus(10, 1, 1239, 2 * 1048576, 256 * 1048576, 0)));

        var run = await ThgwRun.ExecAsync(["status", "--lang", "vi"], DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8"));

        Assert.That(run.ExitCode, Is.Zero, run.Text);
        Assert.That(run.Text, Does.Contain("bts-th-0001 (trạm th-nhu-xuan-01)").And.Contain("10.0.0.5:8883 (TLS)"), run.Text);
        Assert.That(run.Text, Does.Contain("đang chạy (pid 4242").And.Contain("đã kết nối, phiên 7").And.Contain("1234 số đo, 5 sự kiện"), run.Text);
        Assert.That(run.Text, Does.Contain("10 số đo + 1 sự kiện đang chờ"), run.Text);
    }

    [Test]
    public async Task Status_GatewayOnADataPlan_ShowsTodaysAndThisMonthsUseAndTheLevel()
    {
        using var data = new TempDirectory("thgw-status");
        var now = DateTimeOffset.UtcNow;
        StatusFile.Write(StatusFile.PathIn(data.Path), new GatewayStatusDocument(
            "bts-th-0001", null, "0.1.0", "10.0.0.5:8883", true, 4242, now.AddHours(-1), now, TimeSpan.FromSeconds(15), true,
            UplinkStatusSnapshot.Initial with { Connected = true, Session = 1 }, null,
            new BudgetUsage(now, 41_500, 60_000, 1_250_000, 1_500_000, BudgetLevel.Sparse)));

        var vi = await ThgwRun.ExecAsync(["status", "--lang", "vi"], DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8"));
        var en = await ThgwRun.ExecAsync(["status", "--lang", "en"], DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8"));

        Assert.Multiple(() =>
        {
            Assert.That(vi.Stdout, Has.Some.Contains("gói cước").And.Some.Contains("hôm nay 42 / 60 kB, tháng này 1,3 / 1,5 MB; mức sparse"), vi.Text);
            Assert.That(en.Stdout, Has.Some.Contains("data plan").And.Some.Contains("today 42 of 60 kB, this month 1.3 of 1.5 MB; level sparse"), en.Text);
        });
    }

    [Test]
    public async Task Status_StatusFileOfStoppedService_SaysStoppedAndExitsOne()
    {
        using var data = new TempDirectory("thgw-status");
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        StatusFile.Write(StatusFile.PathIn(data.Path), new GatewayStatusDocument(
            "bts-th-0001", null, "0.1.0", "127.0.0.1:1883", false, 4242, at.AddHours(-1), at, TimeSpan.FromSeconds(15), false,
            UplinkStatusSnapshot.Initial with { LastError = "stopped" }, null));

        var run = await ThgwRun.ExecAsync(["status"], DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Text);
        Assert.That(run.Text, Does.Contain("stopped at").And.Contain("sudo systemctl start thgw"), run.Text);
    }

    [Test]
    public async Task Sensors_SimulatedSite_PrintsEveryChannelWithUnitAndQuality()
    {
        using var data = new TempDirectory("thgw-sensors");

        var run = await ThgwRun.ExecAsync(["sensors"], DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8"));

        Assert.That(run.ExitCode, Is.Zero, run.Text);
        var lines = run.Stdout.ToList();
        Assert.That(lines, Has.Count.EqualTo(BtsProfileInputChannels()), "one line per input channel of the shipped BTS profile: " + run.Text);
        Assert.That(lines, Has.One.Match(@"^battery_v\s+[\d.]+ V\s+good\s+\d+ ms$"), run.Text);
        Assert.That(lines, Has.One.Match(@"^mains\s+[01] bool\s+good\s+\d+ ms$"), run.Text);
        Assert.That(lines, Has.One.Match(@"^cabinet_t\s+[\d.]+ degC\s+good\s+\d+ ms$"), run.Text);
    }

    [Test]
    public async Task Sensors_NoChannelsConfigured_SaysWhatToConfigureAndExitsOne()
    {
        using var data = new TempDirectory("thgw-sensors");
        var settings = DoctorCommandTests.Settings(data.Path, 1883, "en_US.UTF-8");
        settings["THGW_Simulation__Enabled"] = "false";

        var run = await ThgwRun.ExecAsync(["sensors"], settings);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Text);
        Assert.That(run.Text, Does.Contain("no sensor channels are configured").And.Contain("Simulation:Enabled=true"), run.Text);
    }

    private static int BtsProfileInputChannels()
    {
        using var profile = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "profiles", "bts-site.json")));
        return profile.RootElement.GetProperty("Site").GetProperty("channels").EnumerateArray()
            .Count(c => c.GetProperty("driver").GetString() != "gpio-out");
    }
}
