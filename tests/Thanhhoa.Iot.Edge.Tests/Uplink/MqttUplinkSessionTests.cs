using NUnit.Framework;
using Thanhhoa.Iot.Edge.Firmware;
using Thanhhoa.Iot.Edge.Tests.Firmware;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
[Category("Integration")]
public sealed class MqttUplinkSessionTests
{
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("uplink");
        _broker = await TestBroker.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Connect_Fresh_PublishesRetainedBirthWithSessionOne()
    {
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path);
        gw.Start();

        var birth = await _broker.WaitForAsync(m => m.IsState && m.State.State == LinkState.Online);

        Assert.That(birth.Retain, Is.True);
        Assert.That(birth.State.Session, Is.EqualTo(1));
        Assert.That(birth.State.Site, Is.EqualTo("th-001"));
        var retained = await _broker.Server.GetRetainedMessageAsync("thiot/v1/gw-test/up/state");
        Assert.That(retained, Is.Not.Null);
    }

    [Test]
    public async Task Connect_RunningFromAnInstalledSlot_BirthReportsTheSlotsVersionNotTheConfiguredOne()
    {
        // A gateway that installed 1.5.0 into slot b and committed it: the cloud must see 1.5.0 (rollout targeting and progress).
        var slots = new SlotLayout(Path.Combine(_dir.Path, "slots"));
        var store = new SlotStateStore(slots);
        store.Save(new SlotState("b", "1.5.0", null, null, "ro-1", "committed"));
        var switcher = new SymlinkSlotSwitcher(slots.Root, new RecordingHostControl());
        Directory.CreateDirectory(slots.SlotPath("b"));
        switcher.Point("b");
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path) { Firmware = new RunningFirmware(store, switcher, "test") };
        gw.Start();

        var birth = await _broker.WaitForAsync(m => m.IsState && m.State.State == LinkState.Online);

        Assert.That(birth.State.Firmware, Is.EqualTo("1.5.0"));
    }

    [Test]
    public async Task Connection_KilledWithoutDisconnect_BrokerSendsWillWithSessionThenUplinkReconnects()
    {
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path);
        gw.Start();
        await _broker.WaitForAsync(m => m.IsState && m.State is { State: LinkState.Online, Session: 1 });

        await _broker.KillClientAsync(UplinkHarness.DeviceId);

        var will = await _broker.WaitForAsync(m => m.IsState && m.State.State == LinkState.Offline);
        Assert.That(will.State.Session, Is.EqualTo(1));
        Assert.That(will.State.Reason, Is.EqualTo("lost"));
        Assert.That(will.Retain, Is.True);
        var rebirth = await _broker.WaitForAsync(m => m.IsState && m.State is { State: LinkState.Online, Session: 2 });
        Assert.That(rebirth.Retain, Is.True);
    }

    [Test]
    public async Task Stop_Graceful_PublishesOfflineShutdownAndNoWill()
    {
        var gw = new UplinkHarness(_broker.Port, _dir.Path);
        gw.Start();
        await _broker.WaitForAsync(m => m.IsState && m.State.State == LinkState.Online);

        await gw.StopAsync();

        var states = _broker.Received.Where(m => m.IsState).Select(m => (m.State.State, m.State.Session, m.State.Reason)).ToList();
        Assert.That(states, Is.EqualTo(new[] { (LinkState.Online, 1L, (string?)null), (LinkState.Offline, 1L, "shutdown") }));
        Assert.That(gw.Status.Current.Connected, Is.False);
    }

    [Test]
    public async Task SessionCounter_UplinkRestarted_NextSessionContinuesFromDisk()
    {
        var first = new UplinkHarness(_broker.Port, _dir.Path);
        first.Start();
        await _broker.WaitForAsync(m => m.IsState && m.State is { State: LinkState.Online, Session: 1 });
        await first.StopAsync();

        await using var second = new UplinkHarness(_broker.Port, _dir.Path);
        second.Start();

        var birth = await _broker.WaitForAsync(m => m.IsState && m.State is { State: LinkState.Online, Session: > 1 });
        Assert.That(birth.State.Session, Is.EqualTo(2));
    }

    [Test]
    public async Task Reconnect_BrokerRestartedOnSamePort_DeliversEveryRowQueuedMeanwhile()
    {
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path, configure: o => o.ReadingsPerBatch = 20);
        await gw.AddReadingsAsync(50);
        gw.Start();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await _broker.StopAsync();
        await gw.WhenStatusAsync(s => !s.Connected && s.FailedAttempts >= 1);
        await gw.AddReadingsAsync(100); // the outbox keeps filling while the broker is down
        Assert.That(gw.Outbox.Pending, Is.EqualTo(100));

        await _broker.StartAgainAsync();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var seen = _broker.Received.Where(m => m.IsTelemetry && m.Accepted).SelectMany(m => m.Sequences).ToHashSet();
        Assert.That(seen, Is.EquivalentTo(Enumerable.Range(1, 150).Select(i => (long)i)));
        Assert.That(gw.Outbox.Acknowledged, Is.Unique);
        Assert.That(gw.Status.Current.Connected, Is.True);
    }
}
