using System.Net.Sockets;

namespace Thanhhoa.Iot.TestSupport.Network;

/// <summary>
/// A loopback TCP proxy that behaves like a slow cellular link: each direction passes through its own
/// token bucket (<see cref="BitsPerSecond"/>, burst of one <see cref="ChunkBytes"/>), socket buffers are
/// kept small so a sender cannot park megabytes in the kernel, and every byte forwarded is counted.
/// Real TCP on both sides; rate 0 forwards at loopback speed (a byte meter only).
/// </summary>
public sealed class ThrottledTcpProxy : LoopbackTcpProxy
{
    /// <summary>Most bytes read and forwarded in one step; also the bucket's burst.</summary>
    public const int ChunkBytes = 512;

    private readonly TimeProvider _time;
    private long _upstreamBytes;
    private long _downstreamBytes;

    private ThrottledTcpProxy(int targetPort, long bitsPerSecond, TimeProvider time)
        : base(targetPort)
    {
        _time = time;
        BitsPerSecond = bitsPerSecond;
        StartAccepting();
    }

    /// <summary>Link rate of each direction; 0 = unlimited.</summary>
    public long BitsPerSecond { get; }

    /// <summary>Bytes forwarded client → server (the gateway's uplink direction).</summary>
    public long UpstreamBytes => Interlocked.Read(ref _upstreamBytes);

    /// <summary>Bytes forwarded server → client.</summary>
    public long DownstreamBytes => Interlocked.Read(ref _downstreamBytes);

    /// <summary>Starts forwarding loopback:<see cref="LoopbackTcpProxy.Port"/> to loopback:<paramref name="targetPort"/> at <paramref name="bitsPerSecond"/> per direction.</summary>
    public static ThrottledTcpProxy Start(int targetPort, long bitsPerSecond, TimeProvider? time = null) =>
        bitsPerSecond < 0 ? throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, "the rate must be 0 (unlimited) or positive")
        : new ThrottledTcpProxy(targetPort, bitsPerSecond, time ?? TimeProvider.System);

    /// <summary>Small kernel buffers: what the sender wrote waits for the link, as on a real modem.</summary>
    protected override void Prepare(TcpClient socket)
    {
        socket.NoDelay = true;
        socket.ReceiveBufferSize = 4096;
        socket.SendBufferSize = 4096;
    }

    protected override async Task PumpAsync(TcpClient from, TcpClient to, bool upstream)
    {
        var buffer = new byte[ChunkBytes];
        var bucket = new TokenBucket(BitsPerSecond / 8.0, ChunkBytes, _time);
        try
        {
            var source = from.GetStream();
            var sink = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, Stopping.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await bucket.TakeAsync(read, Stopping.Token).ConfigureAwait(false);
                await sink.WriteAsync(buffer.AsMemory(0, read), Stopping.Token).ConfigureAwait(false);
                Interlocked.Add(ref upstream ? ref _upstreamBytes : ref _downstreamBytes, read);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // one side went away
        }

        from.Dispose();
        to.Dispose();
    }

    /// <summary>Bytes may pass at <c>rate</c> per second with a burst of <c>burst</c>; rate 0 never waits.</summary>
    private sealed class TokenBucket(double bytesPerSecond, double burst, TimeProvider time)
    {
        private double _tokens = double.MaxValue;
        private long _last = time.GetTimestamp();

        public async Task TakeAsync(int bytes, CancellationToken cancellationToken)
        {
            if (bytesPerSecond <= 0)
            {
                return;
            }

            Refill();
            _tokens -= bytes;
            if (_tokens < 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(-_tokens / bytesPerSecond), time, cancellationToken).ConfigureAwait(false);
                Refill();
            }
        }

        private void Refill()
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * bytesPerSecond));
            _last = now;
        }
    }
}
