using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// A lightweight gateway for the rollout run: on a desired firmware it streams the bundle (hashing as it
/// reads, never holding it), optionally breaking the connection part-way and resuming with
/// <c>Range: bytes=N-</c> + If-Range, checks the SHA-256 and reports committed. Downloads share a gate,
/// as a site's uplink would (the run's --parallel).
/// </summary>
internal sealed class RolloutGateway(string deviceId, HttpClient http, SemaphoreSlim gate, double interruptAt) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly TaskCompletionSource<long> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public string DeviceId { get; } = deviceId;

    /// <summary>Stopwatch timestamp at which the committed report was acknowledged (stored by the cloud).</summary>
    public Task<long> Committed => _committed.Task;

    public long BodyBytes { get; private set; }

    public int Requests { get; private set; }

    public TimeSpan DownloadTime { get; private set; }

    public bool Interrupted => interruptAt > 0;

    public async Task ConnectAsync(int port)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);
            if (DeviceTopics.TryParse(e.ApplicationMessage.Topic, out var topic) && topic.Kind == TopicKind.Firmware && payload.Length > 0
                && Interlocked.Exchange(ref _started, 1) == 0)
            {
                var desired = JsonCodec.DecodeFirmwareDesired(payload);
                _ = Task.Run(() => UpdateAsync(desired));
            }

            return Task.CompletedTask;
        };
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(DeviceId).WithCleanStart(false).WithSessionExpiryInterval(3600).WithTimeout(TimeSpan.FromSeconds(60)).Build());
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(DeviceTopics.DownFilter(DeviceId), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await PublishAsync(TopicKind.State, JsonCodec.Encode(new StateMessage
        {
            Version = ContractInfo.Version, State = LinkState.Online, Session = 1, Timestamp = DateTimeOffset.UtcNow, Firmware = "1.4.1",
        }), retain: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task UpdateAsync(FirmwareDesired desired)
    {
        try
        {
            await gate.WaitAsync();
            string sha;
            var clock = Stopwatch.StartNew();
            try
            {
                sha = await DownloadAsync(desired);
            }
            finally
            {
                DownloadTime = clock.Elapsed;
                gate.Release();
            }

            var state = sha == desired.Sha256 ? FirmwareState.Committed : FirmwareState.Failed;
            await PublishAsync(TopicKind.FirmwareReported, JsonCodec.Encode(new FirmwareReport
            {
                Version = ContractInfo.Version, RolloutId = desired.RolloutId, State = state, Running = state == FirmwareState.Committed ? desired.FirmwareVersion : "1.4.1",
                Target = desired.FirmwareVersion, Bytes = BodyBytes, Total = desired.Size, Timestamp = DateTimeOffset.UtcNow,
                Reason = state == FirmwareState.Committed ? null : "sha256 mismatch",
            }));
            _committed.TrySetResult(Stopwatch.GetTimestamp());
        }
        catch (Exception ex)
        {
            _committed.TrySetException(ex);
        }
    }

    private async Task<string> DownloadAsync(FirmwareDesired desired)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stopAt = interruptAt > 0 ? (long)(desired.Size * interruptAt) : long.MaxValue;
        var (have, etag) = await ReadAsync(desired.Url, 0, null, stopAt, hash);
        if (have < desired.Size)
        {
            (have, _) = await ReadAsync(desired.Url, have, etag, long.MaxValue, hash);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads from <paramref name="from"/>; stops (dropping the connection) after <paramref name="stopAt"/> bytes in all.</summary>
    private async Task<(long Have, EntityTagHeaderValue? ETag)> ReadAsync(string url, long from, EntityTagHeaderValue? etag, long stopAt, IncrementalHash hash)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (from > 0)
        {
            request.Headers.Range = new RangeHeaderValue(from, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(etag!);
        }

        Requests++;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        var have = from;
        int read;
        while (have < stopAt && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, stopAt - have)))) > 0)
        {
            hash.AppendData(buffer, 0, read);
            have += read;
            BodyBytes += read;
        }

        return (have, response.Headers.ETag);
    }

    private Task<MqttClientPublishResult> PublishAsync(TopicKind kind, byte[] payload, bool retain = false) => _client.PublishAsync(
        new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(DeviceId, kind)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).WithContentType(ContractInfo.JsonContentType).Build());
}
