using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

/// <summary>
/// A minimal HTTP/1.1 file server on loopback that honours <c>Range: bytes=N-</c> and can end a response
/// after a given number of body bytes with a clean close (FIN), so the client has exactly those bytes.
/// Records the Range header of every request.
/// </summary>
internal sealed class BundleFileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string?> _ranges = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _cutsLeft;

    public BundleFileServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The Range header of each request so far (null when absent), in order.</summary>
    public IReadOnlyList<string?> Ranges => [.. _ranges];

    /// <summary>The next response ends after this many body bytes (then resets).</summary>
    public long? CutAfter { get; set; }

    public string Publish(string name, byte[] content)
    {
        _files[name] = content;
        _cutsLeft = 1;
        return $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/artifacts/{name}/content";
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var (path, range) = await ReadRequestAsync(stream);
            _ranges.Enqueue(range);
            var name = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? string.Empty;
            if (!_files.TryGetValue(name, out var content))
            {
                await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }

            var from = range is null ? 0 : long.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            var head = range is null
                ? $"HTTP/1.1 200 OK\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n"
                : $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {from}-{content.Length - 1}/{content.Length}\r\nContent-Length: {content.Length - from}\r\nConnection: close\r\n\r\n";
            await WriteAsync(stream, head);
            var length = content.Length - from;
            if (CutAfter is { } cut && Interlocked.Exchange(ref _cutsLeft, 0) == 1)
            {
                length = cut - from;
            }

            await stream.WriteAsync(content.AsMemory((int)from, (int)length));
            await stream.FlushAsync();
            client.Client.Shutdown(SocketShutdown.Send);
        }
    }

    private static async Task<(string Path, string? Range)> ReadRequestAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
        {
            text.Append((char)buffer[0]);
        }

        var lines = text.ToString().Split("\r\n");
        var path = lines[0].Split(' ')[1];
        var range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?["Range:".Length..].Trim();
        return (path, range);
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
