using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Tests.Rollouts;

/// <summary>
/// A lightweight gateway that speaks the firmware contract: persistent session on its down/#, birth with
/// its firmware version, and for each new desired firmware (once per rollout id) downloads the bundle from
/// the URL over HTTP, checks size and SHA-256, and reports downloading → downloaded → installing →
/// committed (or what <see cref="Outcome"/> says). An empty retained down/firmware counts as cleared.
/// </summary>
internal sealed class FirmwareGateway : IAsyncDisposable
{
    private static readonly HttpClient Http = new();
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, byte> _handled = new(StringComparer.Ordinal);
    private readonly Channel<FirmwareReport> _stored = Channel.CreateUnbounded<FirmwareReport>();
    private readonly TaskCompletionSource _cleared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _session;

    public FirmwareGateway(string deviceId, string running = "1.0.0")
    {
        DeviceId = deviceId;
        Running = running;
    }

    public string DeviceId { get; }

    public string Running { get; private set; }

    /// <summary>The final state to report for a desired firmware; null reports nothing after the download (a gateway that goes quiet).</summary>
    public Func<FirmwareDesired, FirmwareState?> Outcome { get; set; } = _ => FirmwareState.Committed;

    /// <summary>Final reports the cloud acknowledged (with the embedded broker: stored before the PUBACK).</summary>
    public ChannelReader<FirmwareReport> FinalReportsStored => _stored.Reader;

    /// <summary>Every desired firmware received (redeliveries included).</summary>
    public ConcurrentQueue<FirmwareDesired> Desired { get; } = new();

    /// <summary>Completes when an empty retained down/firmware arrives.</summary>
    public Task Cleared => _cleared.Task;

    public long BytesDownloaded;

    public async Task ConnectAsync(int port)
    {
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(DeviceId).WithCleanStart(false).WithSessionExpiryInterval(3600).WithTimeout(TimeSpan.FromSeconds(30)).Build());
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(DeviceTopics.DownFilter(DeviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var birth = JsonCodec.Encode(new StateMessage
        {
            Version = ContractInfo.Version, State = LinkState.Online, Session = ++_session, Timestamp = DateTimeOffset.UtcNow, Firmware = Running,
        });
        await PublishAsync(TopicKind.State, birth, retain: true);
    }

    public async Task DisconnectAsync()
    {
        _client.ApplicationMessageReceivedAsync -= OnMessageAsync;
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _client.Dispose();
    }

    private Task<MqttClientPublishResult> PublishAsync(TopicKind kind, byte[] payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(DeviceId, kind)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).WithContentType(ContractInfo.JsonContentType).Build());

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (!DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) || topic.Kind != TopicKind.Firmware)
        {
            return Task.CompletedTask;
        }

        var payload = System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);
        if (payload.Length == 0)
        {
            _cleared.TrySetResult();
            return Task.CompletedTask;
        }

        var desired = JsonCodec.DecodeFirmwareDesired(payload);
        Desired.Enqueue(desired);
        if (_handled.TryAdd(desired.RolloutId, 0))
        {
            // Outside the receive handler, as a real gateway's updater runs.
            _ = Task.Run(() => UpdateAsync(desired));
        }

        return Task.CompletedTask;
    }

    private async Task UpdateAsync(FirmwareDesired desired)
    {
        var bytes = await Http.GetByteArrayAsync(new Uri(desired.Url));
        Interlocked.Add(ref BytesDownloaded, bytes.Length);
        await ReportAsync(desired, FirmwareState.Downloading, bytes.Length);
        if (bytes.Length != desired.Size || Convert.ToHexStringLower(SHA256.HashData(bytes)) != desired.Sha256)
        {
            await ReportAsync(desired, FirmwareState.Failed, bytes.Length, "downloaded bundle does not match size/sha256", final: true);
            return;
        }

        await ReportAsync(desired, FirmwareState.Downloaded, bytes.Length);
        if (Outcome(desired) is not { } outcome)
        {
            return;
        }

        await ReportAsync(desired, FirmwareState.Installing, bytes.Length);
        if (outcome == FirmwareState.Committed)
        {
            Running = desired.FirmwareVersion;
        }

        await ReportAsync(desired, outcome, bytes.Length, outcome == FirmwareState.Committed ? null : "health check failed: sensors not found", final: true);
    }

    private async Task ReportAsync(FirmwareDesired desired, FirmwareState state, long bytes, string? reason = null, bool final = false)
    {
        var report = new FirmwareReport
        {
            Version = ContractInfo.Version, RolloutId = desired.RolloutId, State = state, Running = Running, Target = desired.FirmwareVersion,
            Bytes = bytes, Total = desired.Size, Reason = reason, Timestamp = DateTimeOffset.UtcNow,
        };
        await PublishAsync(TopicKind.FirmwareReported, JsonCodec.Encode(report));
        if (final)
        {
            _stored.Writer.TryWrite(report);
        }
    }
}
