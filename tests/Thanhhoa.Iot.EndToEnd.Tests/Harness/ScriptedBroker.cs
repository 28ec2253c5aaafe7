using System.Net;
using System.Net.Sockets;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// A TCP peer a test scripts byte by byte, to see exactly what the load harness's MQTT client sends and how it takes
/// what a broker may send (split packets, several in one read, malformed ones).
/// </summary>
internal sealed class ScriptedBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _accepted;

    public ScriptedBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public NetworkStream Stream => _accepted?.GetStream() ?? throw new InvalidOperationException("No client accepted yet.");

    public async Task AcceptAsync() => _accepted = await _listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Reads one whole packet (fixed header included).</summary>
    public async Task<byte[]> ReadPacketAsync()
    {
        var header = new List<byte> { await ReadByteAsync() };
        var remaining = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = await ReadByteAsync();
            header.Add(b);
            remaining |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        var body = new byte[remaining];
        await Stream.ReadExactlyAsync(body).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return [.. header, .. body];
    }

    public Task SendAsync(params byte[] bytes) => Stream.WriteAsync(bytes).AsTask();

    /// <summary>True when the client closed its side: the next read returns nothing (or the connection was reset).</summary>
    public async Task<bool> ClosedByClientAsync()
    {
        var buffer = new byte[1];
        try
        {
            return await Stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30)) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _accepted?.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    private async Task<byte> ReadByteAsync()
    {
        var one = new byte[1];
        await Stream.ReadExactlyAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return one[0];
    }
}
