using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// A lightweight gateway for the rollout run: on a desired firmware it streams the bundle (hashing as it
/// reads, never holding it), optionally breaking the connection part-way and resuming with
/// <c>Range: bytes=N-</c> + If-Range, checks the SHA-256 and reports committed. Downloads share a gate,
/// as a site's uplink would (the run's --parallel).
/// </summary>
internal sealed class RolloutGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate;
    private readonly double _interruptAt;
    private readonly TaskCompletionSource<long> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public RolloutGateway(string deviceId, HttpClient http, SemaphoreSlim gate, double interruptAt)
    {
        _client = new ContractDeviceClient(deviceId, OnDownAsync);
        _http = http;
        _gate = gate;
        _interruptAt = interruptAt;
    }

    public string DeviceId => _client.DeviceId;

    /// <summary>Stopwatch timestamp at which the committed report was acknowledged (stored by the cloud).</summary>
    public Task<long> Committed => _committed.Task;

    public long BodyBytes { get; private set; }

    public int Requests { get; private set; }

    public TimeSpan DownloadTime { get; private set; }

    public bool Interrupted => _interruptAt > 0;

    public Task ConnectAsync(int port) => _client.JoinAsync(port, firmware: "1.4.1", timeout: TimeSpan.FromSeconds(60));

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task OnDownAsync(TopicKind kind, byte[] payload)
    {
        if (kind == TopicKind.Firmware && payload.Length > 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            var desired = JsonCodec.DecodeFirmwareDesired(payload);
            _ = Task.Run(() => UpdateAsync(desired));
        }

        return Task.CompletedTask;
    }

    private async Task UpdateAsync(FirmwareDesired desired)
    {
        try
        {
            await _gate.WaitAsync();
            string sha;
            var clock = Stopwatch.StartNew();
            try
            {
                sha = await DownloadAsync(desired);
            }
            finally
            {
                DownloadTime = clock.Elapsed;
                _gate.Release();
            }

            var state = sha == desired.Sha256 ? FirmwareState.Committed : FirmwareState.Failed;
            await _client.PublishAsync(TopicKind.FirmwareReported, JsonCodec.Encode(new FirmwareReport
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
        var stopAt = _interruptAt > 0 ? (long)(desired.Size * _interruptAt) : long.MaxValue;
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
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
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
}
