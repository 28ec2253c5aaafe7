using System.Net.Sockets;
using System.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Watchdog;

/// <summary>
/// systemd's notification socket ($NOTIFY_SOCKET): a Unix datagram socket, path-based or in the
/// abstract namespace (a leading '@'). Microsoft.Extensions.Hosting.Systemd sends READY/STOPPING
/// itself but has no watchdog helper and cannot be pointed at another socket, so the watchdog
/// pings through this (and tests drive it with a real socket).
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;

    private NotifySocket(Socket socket) => _socket = socket;

    public static NotifySocket Connect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var address = path[0] == '@' ? "\0" + path[1..] : path;
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(address));
            return new NotifySocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one notification, e.g. <c>WATCHDOG=1</c>.</summary>
    public void Send(string state) => _socket.Send(Encoding.UTF8.GetBytes(state));

    public void Dispose() => _socket.Dispose();
}
