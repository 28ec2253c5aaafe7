using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Packets;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Tests.Uplink;
using Thanhhoa.Iot.Edge.Timekeeping;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;
using static Thanhhoa.Iot.Edge.Tests.Timekeeping.TimekeepingTestKit;
using Opts = Microsoft.Extensions.Options.Options;

namespace Thanhhoa.Iot.Edge.Tests.Timekeeping;

/// <summary>
/// The broker's time in the CONNACK makes a Pi's wall time trusted before the drain starts: a real
/// in-process MQTTnet broker that answers like the cloud's, a real LiteDB outbox, the real uplink.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class CloudTimeUplinkTests
{
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;
    private SteppableClock _clock = null!;
    private ClockTrust _trust = null!;
    private LiteDbOutbox _outbox = null!;
    private MqttUplink? _uplink;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("thiot-rtc-uplink");
        _clock = new SteppableClock(PiBootWall);
        var start = _clock.GetTimestamp();
        _broker = await TestBroker.StartAsync();
        _broker.Server.ValidatingConnectionAsync += e =>
        {
            // What the cloud's embedded broker adds (EmbeddedBrokerHandlers): its UTC time, which runs on like the test's clock.
            e.ResponseUserProperties ??= [];
            var now = RealTime + _clock.GetElapsedTime(start);
            e.ResponseUserProperties.Add(new MqttUserProperty(ContractInfo.ServerTimeProperty, Encoding.UTF8.GetBytes(Iso(now))));
            return Task.CompletedTask;
        };
        _trust = Trust(_clock);
        _outbox = OpenOutbox(Path.Combine(_dir.Path, "outbox"), _clock, _trust);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_uplink is not null)
        {
            await _uplink.StopAsync(CancellationToken.None);
            _uplink.Dispose();
        }

        _outbox.Dispose();
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Connect_ConnackCarriesServerTime_TimeTrustedAndPreSyncReadingsSentCorrected()
    {
        for (var i = 0; i < 3; i++)
        {
            await AppendAsync(50 + i);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Start();
        var telemetry = await _broker.WaitForAsync(m => m.IsTelemetry).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(_trust.IsTrusted, Is.True);
            Assert.That(telemetry.Telemetry.Readings.Select(r => (r.Seq, r.Timestamp, r.TimeQuality)), Is.EqualTo(new[]
            {
                (1L, RealTime, TimeQuality.Synced),
                (2L, RealTime.AddMinutes(1), TimeQuality.Synced),
                (3L, RealTime.AddMinutes(2), TimeQuality.Synced),
            }));
        });
    }

    [Test]
    public async Task Drain_WallClockSetBackWhileConnected_EveryReadingArrivesInSequenceOrder()
    {
        Start();
        await _broker.WaitForAsync(m => m.IsState).WaitAsync(TimeSpan.FromSeconds(30));
        await AppendAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _clock.SetWall(PiBootWall.AddHours(-3)); // someone sets the date back
        await AppendAsync(2);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _clock.SetWall(PiBootWall.AddYears(1)); // and forward
        await AppendAsync(3);

        await _broker.WaitForAsync(m => m.IsTelemetry && m.Sequences.Contains(3)).WaitAsync(TimeSpan.FromSeconds(30));
        var readings = _broker.Received.Where(m => m.IsTelemetry).SelectMany(m => m.Telemetry.Readings).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(readings.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(readings.Select(r => r.Timestamp), Is.EqualTo(new[] { RealTime, RealTime.AddSeconds(10), RealTime.AddSeconds(20) }),
                "trusted by the broker's time, the wall-clock jumps do not reach the readings");
        });
    }

    [Test]
    public async Task Drain_WallClockSetBackADay_UploadCadenceHoldsPartialTelemetryOnlyItsInterval()
    {
        await AppendAsync(1);
        Start(new MinuteCadence());
        await _broker.WaitForAsync(m => m.IsTelemetry).WaitAsync(TimeSpan.FromSeconds(30)); // the first upload is not held
        await DrainGoesRoundAsync(); // its PUBACK is settled: the cadence counts from here

        _clock.SetWall(PiBootWall.AddDays(-1));
        var held = (await AppendAsync(2))[0];
        await DrainGoesRoundAsync(); // the reading is held for the cadence
        Assert.That(_broker.Received.Count(m => m.IsTelemetry), Is.EqualTo(1));
        _clock.Advance(TimeSpan.FromMinutes(1));

        var second = await _broker.WaitForAsync(m => m.IsTelemetry && m.Sequences.Contains(held)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(second.Sequences, Is.EqualTo(new[] { held }));
    }

    /// <summary>An event goes at once; once the broker has it, the drain has settled what it sent before.</summary>
    private async Task DrainGoesRoundAsync()
    {
        var seq = await _outbox.AppendEventAsync(new EventDraft(_clock.GetUtcNow(), "door_open", EventAction.Info, Severity.Info), CancellationToken.None);
        await _broker.WaitForAsync(m => m.IsEvents && m.Sequences.Contains(seq)).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private ValueTask<IReadOnlyList<long>> AppendAsync(double value) =>
        _outbox.AppendReadingsAsync([new SensorReading("battery_v", _clock.GetUtcNow(), value, Quality.Good)], CancellationToken.None);

    private void Start(IUploadCadence? cadence = null)
    {
        var options = new UplinkOptions
        {
            ReadingsPerBatch = 10,
            Host = "127.0.0.1",
            Port = _broker.Port,
            BackoffMin = TimeSpan.FromMilliseconds(10),
            BackoffMax = TimeSpan.FromMilliseconds(200),
            // Timers run on the test's clock: longer than any step the tests take, so no PUBACK wait times out.
            OperationTimeout = TimeSpan.FromHours(1),
        };
        var gateway = new GatewayOptions { DeviceId = UplinkHarness.DeviceId, DataDirectory = _dir.Path, Site = "th-001", Firmware = "test" };
        _uplink = new MqttUplink(
            _outbox, Opts.Create(options), Opts.Create(gateway), new UplinkStatus(),
            new LoggingDownlinkHandler(NullLogger<LoggingDownlinkHandler>.Instance), _clock, new TestContextLogger<MqttUplink>(), new Random(1),
            cadence, _trust);
        _ = _uplink.StartAsync(CancellationToken.None);
    }

    private sealed class MinuteCadence : IUploadCadence
    {
        public TimeSpan TelemetryInterval => TimeSpan.FromMinutes(1);
    }
}
