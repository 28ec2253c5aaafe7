using System.Net.Sockets;

namespace Thanhhoa.Iot.TestSupport.Network;

/// <summary>
/// A loopback TCP proxy in front of a server that can turn into a black hole: while paused it keeps
/// every connection open and reads what both sides send, but forwards nothing (a cellular link that
/// silently drops packets: no RST, no FIN). New connections are accepted and swallowed the same way.
/// Resumed, it forwards again; bytes swallowed meanwhile are gone.
/// </summary>
public sealed class PausableTcpProxy : LoopbackTcpProxy
{
    private volatile bool _paused;

    private PausableTcpProxy(int targetPort)
        : base(targetPort) => StartAccepting();

    public bool IsPaused => _paused;

    /// <summary>Starts forwarding loopback:<see cref="LoopbackTcpProxy.Port"/> to loopback:<paramref name="targetPort"/>.</summary>
    public static PausableTcpProxy Start(int targetPort) => new(targetPort);

    /// <summary>Stops forwarding in both directions without closing anything.</summary>
    public void Pause() => _paused = true;

    /// <summary>Forwards again.</summary>
    public void Resume() => _paused = false;

    protected override async Task PumpAsync(TcpClient from, TcpClient to, bool upstream)
    {
        var buffer = new byte[16 * 1024];
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

                if (!_paused)
                {
                    await sink.WriteAsync(buffer.AsMemory(0, read), Stopping.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // one side went away
        }

        // A side that closed closes the other, as a real link would pass the FIN on (when not paused).
        if (!_paused)
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
