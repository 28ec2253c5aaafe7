using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Fetches the bundle of a <c>down/firmware</c> desire into <c>{rolloutId}.thb.part</c>, resuming with
/// <c>Range: bytes=N-</c> where the file ends (after a dropped connection and after a restart alike),
/// under a bandwidth cap, then checks size and SHA-256 and renames it to <c>{rolloutId}.thb</c>.
/// </summary>
public sealed class FirmwareDownloader(HttpClient http, FirmwareOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan ReadIdleTimeout = TimeSpan.FromSeconds(60);

    public static string PartialPath(string directory, string rolloutId) => Path.Combine(directory, rolloutId + ".thb.part");

    public static string BundlePath(string directory, string rolloutId) => Path.Combine(directory, rolloutId + ".thb");

    /// <summary>Downloads (or finds) the bundle; returns its path. <paramref name="progress"/> gets (bytes, total).</summary>
    /// <exception cref="FirmwareStepException">Failed: the server or the hash let the download down.</exception>
    public async Task<string> DownloadAsync(FirmwareDesired desired, string directory, Func<long, long, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        Directory.CreateDirectory(directory);
        var final = BundlePath(directory, desired.RolloutId);
        if (File.Exists(final) && new FileInfo(final).Length == desired.Size && HashOf(final) == desired.Sha256)
        {
            return final;
        }

        var part = PartialPath(directory, desired.RolloutId);
        for (var attempt = 1; Length(part) < desired.Size; attempt++)
        {
            try
            {
                await FetchAsync(desired, part, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.MaxDownloadAttempts)
                {
                    throw new FirmwareStepException(FirmwareState.Failed,
                        $"download of {desired.Url} failed {attempt} times, last at byte {Length(part)} of {desired.Size}: {ex.Message}. Check the gateway reaches the cloud; the rollout resumes when sent again.", ex);
                }

                FirmwareLog.DownloadDropped(logger, desired.RolloutId, Length(part), attempt, ex.Message);
                await Task.Delay(options.RetryDelay, time, cancellationToken).ConfigureAwait(false);
            }
        }

        Check(desired, part);
        File.Move(part, final, overwrite: true);
        return final;
    }

    private async Task FetchAsync(FirmwareDesired desired, string part, Func<long, long, Task> progress, CancellationToken cancellationToken)
    {
        var offset = Length(part);
        using var request = new HttpRequestMessage(HttpMethod.Get, desired.Url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            File.Delete(part); // the server's file is shorter than ours: start again
            throw new IOException($"the server refused bytes {offset}- (416)");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{desired.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        // 200 to a Range request means the server sends the whole file: start the file over.
        var resume = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == offset;
        await using var file = new FileStream(part, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await CopyAsync(body, file, desired, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyAsync(Stream body, FileStream file, FirmwareDesired desired, Func<long, long, Task> progress, CancellationToken cancellationToken)
    {
        var limiter = new BandwidthLimiter(options.MaxBytesPerSecond, time);
        var buffer = new byte[limiter.ChunkSize];
        while (true)
        {
            int read;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(ReadIdleTimeout);
                read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }

            if (read == 0)
            {
                break;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false); // the file length is the resume offset
            await progress(file.Length, desired.Size).ConfigureAwait(false);
            await limiter.AfterAsync(read, cancellationToken).ConfigureAwait(false);
        }

        if (file.Length < desired.Size)
        {
            throw new IOException($"the connection ended at byte {file.Length} of {desired.Size}");
        }
    }

    private static void Check(FirmwareDesired desired, string part)
    {
        var length = Length(part);
        var hash = HashOf(part);
        if (length != desired.Size || hash != desired.Sha256)
        {
            File.Delete(part);
            throw new FirmwareStepException(FirmwareState.Failed,
                $"downloaded bundle is {length} bytes with SHA-256 {hash}; down/firmware says {desired.Size} bytes with {desired.Sha256}. The file was deleted; check the artifact in the cloud.");
        }
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
