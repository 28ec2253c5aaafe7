using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

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
    private readonly ContractDeviceClient _client;
    private readonly ConcurrentDictionary<string, byte> _handled = new(StringComparer.Ordinal);
    private readonly Channel<FirmwareReport> _stored = Channel.CreateUnbounded<FirmwareReport>();
    private readonly TaskCompletionSource _cleared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FirmwareGateway(string deviceId, string running = "1.0.0")
    {
        _client = new ContractDeviceClient(deviceId, OnDownAsync);
        Running = running;
    }

    public string DeviceId => _client.DeviceId;

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

    /// <summary>Persistent session, down/#, and a birth naming the running firmware.</summary>
    public Task ConnectAsync(int port) => _client.JoinAsync(port, firmware: Running);

    public Task DisconnectAsync() => _client.DisconnectAsync();

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task OnDownAsync(TopicKind kind, byte[] payload)
    {
        if (kind != TopicKind.Firmware)
        {
            return Task.CompletedTask;
        }

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
        await _client.PublishAsync(TopicKind.FirmwareReported, JsonCodec.Encode(report));
        if (final)
        {
            _stored.Writer.TryWrite(report);
        }
    }
}
