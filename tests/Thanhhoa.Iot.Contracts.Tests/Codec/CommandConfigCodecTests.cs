using System.Text.Json;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Contracts.Tests.Codec;

/// <summary>Commands, results and configuration through the JSON codec, beyond the golden vectors.</summary>
[TestFixture]
[Category("Unit")]
public sealed class CommandConfigCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    [Test]
    public void Encode_CommandWithArguments_DecodesToTheSameArguments()
    {
        using var args = JsonDocument.Parse("""{"output":"gen_start","on":true,"pulseMs":1500}""");
        var command = new DeviceCommand
        {
            Version = 1, Id = "c-1", Type = "set-output", Timestamp = At, Expires = At.AddMinutes(5),
            Arguments = args.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };

        var decoded = JsonCodec.DecodeCommand(JsonCodec.Encode(command));

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Arguments!["output"].GetString(), Is.EqualTo("gen_start"));
            Assert.That(decoded.Arguments["on"].GetBoolean(), Is.True);
            Assert.That(decoded.Arguments["pulseMs"].GetInt32(), Is.EqualTo(1500));
            Assert.That(decoded.NotBefore, Is.Null);
        });
    }

    [Test]
    public void Encode_CommandExpiringAtItsIssueTime_Refused()
    {
        var command = new DeviceCommand { Version = 1, Id = "c-1", Type = "ping", Timestamp = At, Expires = At };
        var ex = Assert.Throws<ContractViolationException>(() => JsonCodec.Encode(command))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.InvalidValue, "$.expires")));
    }

    [Test]
    public void Encode_ExpiredResultWithoutErrorCode_RefusedSoTheGatewayNeverSendsIt()
    {
        var result = new CommandResult { Version = 1, Id = "c-1", Status = CommandStatus.Expired, Timestamp = At };
        var ex = Assert.Throws<ContractViolationException>(() => JsonCodec.Encode(result))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.MissingField, "$.error")));
    }

    [Test]
    public void Validate_SettingsWithCustomPrefix_NamesTheFieldUnderThatPrefix()
    {
        var settings = new ConfigSettings
        {
            Channels = new Dictionary<string, ChannelSettings> { ["battery_v"] = new() { PollSeconds = 90_000 } },
        };

        var ex = Assert.Throws<ContractViolationException>(() => MessageValidator.Validate(settings, "$"))!;
        Assert.That(ex.Field, Is.EqualTo("$.channels.battery_v.pollSeconds"));
    }

    [Test]
    public void Validate_ConfigWithTooManyChannels_TooLarge()
    {
        var channels = Enumerable.Range(0, ContractInfo.MaxConfigChannels + 1).ToDictionary(i => $"ch{i}", _ => new ChannelSettings { Enabled = true });
        var config = new DesiredConfigMessage { Version = 1, ConfigVersion = 1, Timestamp = At, Settings = new ConfigSettings { Channels = channels } };
        var ex = Assert.Throws<ContractViolationException>(() => JsonCodec.Encode(config))!;
        Assert.That((ex.Reason, ex.Field), Is.EqualTo((RejectReason.TooLarge, "$.settings.channels")));
    }

    [Test]
    public void Encode_RefusedReport_RoundTripsFieldAndReason()
    {
        var report = new ConfigReport
        {
            Version = 1, ConfigVersion = 8, Status = ConfigReportStatus.Refused, Timestamp = At, AppliedVersion = 7,
            Field = "$.settings.uploadSeconds", Reason = "không hợp lệ",
        };

        var decoded = JsonCodec.DecodeConfigReport(JsonCodec.Encode(report));
        Assert.That(decoded, Is.EqualTo(report));
    }
}
