using System.Net;
using System.Net.Sockets;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>Asks the OS for a free TCP port on 127.0.0.1 by binding port 0 and releasing it.</summary>
public static class FreeLoopbackPort
{
    /// <remarks>Another process may take the port before WireMock binds it; the fixture retries with a new port then.</remarks>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
