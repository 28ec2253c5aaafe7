using System.Net;
using System.Net.Sockets;

namespace Thanhhoa.Iot.TestSupport.Network;

/// <summary>
/// A loopback TCP proxy in front of a server that can turn into a black hole: while paused it keeps
/// every connection open and reads what both sides send, but forwards nothing (a cellular link that
/// silently drops packets: no RST, no FIN). New connections are accepted and swallowed the same way.
/// Resumed, it forwards again; bytes swallowed meanwhile are gone.
/// </summary>
public sealed class PausableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly Task _acceptLoop;
    private volatile bool _paused;
    private int _connections;

    private PausableTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public bool IsPaused => _paused;

    /// <summary>Starts forwarding loopback:<see cref="Port"/> to loopback:<paramref name="targetPort"/>.</summary>
    public static PausableTcpProxy Start(int targetPort) => new(targetPort);

    /// <summary>Stops forwarding in both directions without closing anything.</summary>
    public void Pause() => _paused = true;

    /// <summary>Forwards again.</summary>
    public void Resume() => _paused = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        lock (_gate)
        {
            _sockets.ForEach(s => s.Dispose());
            _sockets.Clear();
        }

        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _connections);
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_gate)
            {
                _sockets.Add(client);
                _sockets.Add(server);
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var sink = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (!_paused)
                {
                    await sink.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
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
