using System.Net;
using System.Net.Sockets;

namespace Thanhhoa.Iot.TestSupport;

/// <summary>Finds a free loopback TCP port by letting the OS choose one.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
