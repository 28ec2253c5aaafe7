using System.Net;
using System.Net.Sockets;

namespace Thanhhoa.Iot.TestSupport.Network;

/// <summary>
/// The common part of the test proxies: listens on a loopback port, connects each client to loopback:target,
/// tracks both sockets (closed on dispose) and runs one pump per direction, which the subclass defines
/// (what a link does to the bytes: drop them, slow them down).
/// </summary>
public abstract class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _sockets = [];
    private Task _acceptLoop = Task.CompletedTask;
    private int _connections;

    protected LoopbackTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Cancelled when the proxy is disposed.</summary>
    protected CancellationTokenSource Stopping { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Stopping.CancelAsync().ConfigureAwait(false);
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

        Stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts accepting; called by the subclass once it is fully constructed.</summary>
    protected void StartAccepting() => _acceptLoop = AcceptAsync();

    /// <summary>Socket options for both sides of a new connection.</summary>
    protected virtual void Prepare(TcpClient socket)
    {
    }

    /// <summary>Moves bytes from <paramref name="from"/> to <paramref name="to"/> until one side goes away.</summary>
    protected abstract Task PumpAsync(TcpClient from, TcpClient to, bool upstream);

    private async Task AcceptAsync()
    {
        while (!Stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(Stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _connections);
            var server = new TcpClient();
            Prepare(client);
            Prepare(server);
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, Stopping.Token).ConfigureAwait(false);
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

            _ = PumpAsync(client, server, upstream: true);
            _ = PumpAsync(server, client, upstream: false);
        }
    }
}
