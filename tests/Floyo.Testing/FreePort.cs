using System.Net;
using System.Net.Sockets;

namespace Floyo.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for servers started by tests.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
