namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Keeps a transfer at or under a byte rate: after each chunk it waits until the bytes so far would
/// have taken that long at the cap. Time comes from the <see cref="TimeProvider"/>, so tests advance it.
/// </summary>
public sealed class BandwidthLimiter(long bytesPerSecond, TimeProvider time)
{
    private readonly long _start = time.GetTimestamp();
    private long _bytes;

    /// <summary>Largest read that keeps bursts under about a quarter second of the cap.</summary>
    public int ChunkSize => bytesPerSecond <= 0 ? 64 * 1024 : (int)Math.Clamp(bytesPerSecond / 4, 1024, 64 * 1024);

    public Task AfterAsync(int bytes, CancellationToken cancellationToken)
    {
        if (bytesPerSecond <= 0)
        {
            return Task.CompletedTask;
        }

        _bytes += bytes;
        var due = TimeSpan.FromSeconds((double)_bytes / bytesPerSecond);
        var wait = due - time.GetElapsedTime(_start);
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
