using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Commands;
using Thanhhoa.Iot.Edge.Commands.Host;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Gpio;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>The built-in command types, with fakes only for the hardware (sensors, relay) and the host.</summary>
[TestFixture]
[Category("Integration")]
public sealed class BuiltinCommandTests
{
    private const string MainsInterlock = "generator start relay refused while mains present";
    private TempDirectory _dir = null!;
    private FakeSensor _mains = null!;
    private FakeSensor _battery = null!;
    private FakeOutput _genStart = null!;
    private SimulatedHostControl _host = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory("gw-builtins");
        _mains = new FakeSensor("mains", 1);
        _battery = new FakeSensor("battery_v", 53.6);
        _genStart = new FakeOutput("gen_start");
        _host = new SimulatedHostControl();
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public async Task SetOutput_InterlockViolated_FailsWithTheInterlocksReasonAndOutputUntouched()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(SetGenStart(on: true, "c-gen"));

        var result = await gw.NextResultAsync();
        Assert.Multiple(() =>
        {
            Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.Interlock)));
            Assert.That(result.Message, Does.StartWith(MainsInterlock).And.Contain("mains=1"));
            Assert.That(_genStart.Writes, Is.Empty, "the relay must not be touched");
            Assert.That(_genStart.IsOn, Is.False);
            Assert.That(_mains.Reads, Is.EqualTo(1), "the interlock reads the channel fresh");
        });
    }

    [Test]
    public async Task SetOutput_InterlockClear_SwitchesTheOutput()
    {
        _mains.Value = 0;
        await using var gw = await StartAsync();
        await gw.DeliverAsync(SetGenStart(on: true, "c-gen"));

        var result = await gw.NextResultAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(CommandStatus.Succeeded), result.Message);
            Assert.That(_genStart.Writes, Is.EqualTo(new[] { true }));
            Assert.That(result.Result!["previous"].GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task SetOutput_InterlockChannelUnreadable_RefusedToBeSafe()
    {
        _mains.Value = 0;
        _mains.Quality = Quality.Bad;
        await using var gw = await StartAsync();
        await gw.DeliverAsync(SetGenStart(on: true, "c-gen"));

        var result = await gw.NextResultAsync();
        Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.Interlock)));
        Assert.That(result.Message, Does.Contain("cannot check"));
        Assert.That(_genStart.Writes, Is.Empty);
    }

    [Test]
    public async Task SetOutput_ReleaseWhileMainsPresent_AllowedBecauseTheInterlockGuardsOnOnly()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(SetGenStart(on: false, "c-off"));

        Assert.That((await gw.NextResultAsync()).Status, Is.EqualTo(CommandStatus.Succeeded));
        Assert.That(_genStart.Writes, Is.EqualTo(new[] { false }));
    }

    [Test]
    public async Task SetOutput_UnknownOutput_FailedInvalidArgsNamingTheOutputs()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-fan", "set-output", new { output = "fan", on = true }));

        var result = await gw.NextResultAsync();
        Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.InvalidArgs)));
        Assert.That(result.Message, Does.Contain("'fan'").And.Contain("gen_start"));
    }

    [Test]
    public async Task ReadNow_NamedChannel_ReturnsAFreshReading()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-read", "read-now", new { channels = new[] { "battery_v" } }));

        var result = await gw.NextResultAsync();
        var readings = result.Result!["readings"].EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(readings.Select(r => r.GetProperty("ch").GetString()), Is.EqualTo(new[] { "battery_v" }));
            Assert.That(readings[0].GetProperty("val").GetDouble(), Is.EqualTo(53.6));
            Assert.That(readings[0].GetProperty("q").GetString(), Is.EqualTo("good"));
            Assert.That((_battery.Reads, _mains.Reads), Is.EqualTo((1, 0)));
        });
    }

    [Test]
    public async Task ReadNow_UnknownChannel_FailedInvalidArgs()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-read", "read-now", new { channels = new[] { "fuel_l" } }));

        var result = await gw.NextResultAsync();
        Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.InvalidArgs)));
    }

    [Test]
    public async Task RestartServiceAndReboot_GoThroughTheHostControl_NeverTheMachine()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-restart", "restart-service"));
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-reboot", "reboot"));

        var results = new[] { await gw.NextResultAsync(), await gw.NextResultAsync() };
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(CommandStatus.Succeeded));
            Assert.That((_host.Restarts, _host.Reboots), Is.EqualTo((1, 1)));
        });
    }

    [Test]
    public async Task Reboot_WithoutSystemd_FailedUnavailable()
    {
        await using var gw = await StartAsync(host: new UnavailableHostControl("thgw does not run as a systemd service here"));
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-reboot", "reboot"));

        var result = await gw.NextResultAsync();
        Assert.That((result.Status, result.Error), Is.EqualTo((CommandStatus.Failed, CommandErrors.Unavailable)));
        Assert.That(result.Message, Does.Contain("systemd"));
    }

    [Test]
    public async Task UploadLogs_ManyLongLines_NewestLinesCutToFitOneMessage()
    {
        await using var gw = await StartAsync(settings: new() { ["Commands:MaxResultBytes"] = "4096", ["Commands:LogBufferLines"] = "100" });
        var logger = gw.Services.GetRequiredService<ILoggerFactory>().CreateLogger("test");
        for (var i = 0; i < 60; i++)
        {
            logger.LogWarning("line {Index} {Padding}", i, new string('x', 100));
        }

        await gw.DeliverAsync(CommandGatewayHarness.Command("c-logs", "upload-logs", new { lines = 100, level = "warning" }));
        var result = await gw.NextResultAsync();
        var lines = result.Result!["lines"].EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(CommandStatus.Succeeded));
            Assert.That(result.Result["truncated"].GetBoolean(), Is.True);
            Assert.That(lines[^1], Does.Contain("line 59"), "the newest line is kept");
            Assert.That(lines, Is.All.Contains("WARN"));
            Assert.That(System.Text.Encoding.UTF8.GetByteCount(string.Concat(lines)), Is.LessThan(4096));
        });
    }

    [Test]
    public async Task GetConfig_NothingApplied_ReportsProfileOnlyAndEffectiveChannels()
    {
        await using var gw = await StartAsync();
        await gw.DeliverAsync(CommandGatewayHarness.Command("c-cfg", "get-config"));

        var result = (await gw.NextResultAsync()).Result!;
        Assert.Multiple(() =>
        {
            Assert.That(result["deviceId"].GetString(), Is.EqualTo("gw-cmd"));
            Assert.That(result["appliedVersion"].ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(result["channels"].EnumerateArray().Select(c => c.GetProperty("id").GetString()), Is.EquivalentTo(new[] { "mains", "battery_v" }));
            Assert.That(result["outputs"][0].GetProperty("id").GetString(), Is.EqualTo("gen_start"));
        });
    }

    private static Thanhhoa.Iot.Contracts.Messages.DeviceCommand SetGenStart(bool on, string id) =>
        CommandGatewayHarness.Command(id, "set-output", new { output = "gen_start", on });

    private async Task<CommandGatewayHarness> StartAsync(IHostControl? host = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Site:Channels:0:Id"] = "mains",
            ["Site:Channels:0:Driver"] = "gpio-in",
            ["Site:Channels:1:Id"] = "battery_v",
            ["Site:Channels:1:Driver"] = "ina219",
            ["Site:Channels:2:Id"] = "gen_start",
            ["Site:Channels:2:Driver"] = "gpio-out",
            ["Site:Interlocks:0:Output"] = "gen_start",
            ["Site:Interlocks:0:When"] = "on",
            ["Site:Interlocks:0:Channel"] = "mains",
            ["Site:Interlocks:0:RefuseIf"] = "above",
            ["Site:Interlocks:0:Value"] = "0.5",
            ["Site:Interlocks:0:Reason"] = MainsInterlock,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var gw = new CommandGatewayHarness(_dir.Path, new FakeTimeProvider(CommandGatewayHarness.Start), s =>
        {
            s.AddSingleton<ISensorChannel>(_mains);
            s.AddSingleton<ISensorChannel>(_battery);
            s.AddSingleton<IOutputChannel>(_genStart);
            s.AddSingleton(host ?? _host);
        }, all);
        await gw.StartAsync();
        return gw;
    }
}
