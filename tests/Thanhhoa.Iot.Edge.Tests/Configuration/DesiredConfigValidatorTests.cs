using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Configuration;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Tests.Commands;
using Thanhhoa.Iot.Edge.Tests.Sensing;

namespace Thanhhoa.Iot.Edge.Tests.Configuration;

[TestFixture]
[Category("Unit")]
public sealed class DesiredConfigValidatorTests
{
    private LocalConfigFacts _facts = null!;
    private AlarmEngine _alarms = null!;

    [SetUp]
    public void SetUp()
    {
        _alarms = new AlarmEngine(
            [
                new DigitalAlarmRule(AlarmCodes.MainsFail, Severity.Major, "mains", 0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)),
                new ThresholdAlarmRule(AlarmCodes.BatteryLow, Severity.Major, "battery_v", ThresholdDirection.Below, 47, 49, TimeSpan.Zero, TimeSpan.Zero),
                new ThresholdAlarmRule(AlarmCodes.HighTemperature, Severity.Major, "cabinet_t", ThresholdDirection.Above, 45, 40, TimeSpan.Zero, TimeSpan.Zero),
            ],
            new RecordingOutbox(), TimeProvider.System, NullLogger<AlarmEngine>.Instance);
        _facts = new LocalConfigFacts(
            [new FakeSensor("mains", 1, TimeSpan.FromSeconds(5)), new FakeSensor("battery_v", 53, TimeSpan.FromSeconds(10)), new FakeSensor("cabinet_t", 30, TimeSpan.FromSeconds(30))],
            _alarms);
    }

    [TearDown]
    public void TearDown() => _alarms.Dispose();

    [Test]
    public void Validate_EverythingFits_Null()
    {
        var refusal = Validate(new() { ["battery_v"] = new() { PollSeconds = 60, Alarms = Alarm("battery_low", 46, 48) }, ["cabinet_t"] = new() { Alarms = Alarm("high_temperature", 50, null) } });
        Assert.That(refusal, Is.Null);
    }

    [TestCase("fuel_l", null, "$.settings.channels.fuel_l", "not in this gateway's site profile")]
    [TestCase("battery_v", 5, "$.settings.channels.battery_v.pollSeconds", "faster than the site profile allows")]
    [TestCase("battery_v", 12, "$.settings.channels.battery_v.pollSeconds", "not a multiple of the poller's tick (5 s)")]
    public void Validate_BadChannelOrPoll_RefusedAtTheField(string channel, int? poll, string field, string reason)
    {
        var refusal = Validate(new() { [channel] = new() { PollSeconds = poll } })!;
        Assert.That(refusal.Field, Is.EqualTo(field));
        Assert.That(refusal.Reason, Does.Contain(reason));
    }

    [Test]
    public void Validate_DisablingAChannelAnAlarmReads_Refused()
    {
        var refusal = Validate(new() { ["mains"] = new() { Enabled = false } })!;
        Assert.That(refusal.Field, Is.EqualTo("$.settings.channels.mains.enabled"));
        Assert.That(refusal.Reason, Does.Contain("mains_fail"));
    }

    [Test]
    public void Validate_AlarmNotOnThatChannel_RefusedNamingTheAlarmsThere()
    {
        var refusal = Validate(new() { ["mains"] = new() { Alarms = Alarm("battery_low", 1, 2) } })!;
        Assert.That(refusal.Field, Is.EqualTo("$.settings.channels.mains.alarms.battery_low"));
        Assert.That(refusal.Reason, Does.Contain("battery_low on battery_v"));
    }

    [TestCase("battery_v", "battery_low", 48.0, 47.5, "$.settings.channels.battery_v.alarms.battery_low.clear")]
    [TestCase("battery_v", "battery_low", 50.0, null, "$.settings.channels.battery_v.alarms.battery_low.raise")]
    [TestCase("cabinet_t", "high_temperature", 40.0, 42.0, "$.settings.channels.cabinet_t.alarms.high_temperature.clear")]
    public void Validate_HysteresisTheWrongWay_RefusedAtTheThreshold(string channel, string code, double raise, double? clear, string field)
    {
        var refusal = Validate(new() { [channel] = new() { Alarms = Alarm(code, raise, clear) } })!;
        Assert.That(refusal.Field, Is.EqualTo(field));
        Assert.That(refusal.Reason, Does.Contain("hysteresis"));
    }

    private ConfigRefusal? Validate(Dictionary<string, ChannelSettings> channels) => DesiredConfigValidator.Validate(
        new DesiredConfigMessage { Version = 1, ConfigVersion = 1, Timestamp = DateTimeOffset.UnixEpoch, Settings = new ConfigSettings { Channels = channels } }, _facts);

    private static Dictionary<string, AlarmThresholds> Alarm(string code, double? raise, double? clear) => new() { [code] = new() { Raise = raise, Clear = clear } };
}
