using System.Net;
using System.Net.Sockets;

namespace PaymentHttp.Testing;

/// <summary>
/// A loopback port that is bound but never listens, so the operating system refuses every connection to it. Holding
/// the bind for the sandbox's lifetime keeps any other process from taking the port, which makes the refusal
/// deterministic.
/// </summary>
internal sealed class RefusedEndpoint : IDisposable
{
    private readonly Socket _socket;

    private RefusedEndpoint(Socket socket, int port)
    {
        _socket = socket;
        Port = port;
    }

    public int Port { get; }

    public static RefusedEndpoint Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return new RefusedEndpoint(socket, ((IPEndPoint)socket.LocalEndPoint!).Port);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The same request address on the refusing port.</summary>
    public Uri Redirect(Uri address) => new UriBuilder(address) { Host = IPAddress.Loopback.ToString(), Port = Port }.Uri;

    public void Dispose() => _socket.Dispose();
}
