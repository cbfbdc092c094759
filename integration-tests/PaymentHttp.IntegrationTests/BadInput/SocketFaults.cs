using System.Globalization;
using System.Text;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// The connection faults a provider's network can produce once it has read a request, as <see cref="RawHttpServer"/>
/// scripts: reset by peer, closed with no response, a response whose chunked body breaks off, bytes that are not HTTP
/// then close, and a 200 whose body arrives only after a pause.
/// </summary>
public static class SocketFaults
{
    private const string JsonBody = """{"id":"pay_3f9a","status":"COMPLETED"}""";

    /// <summary>The request was read, then the connection is reset (RST) without a response byte.</summary>
    public static RawResponse ConnectionResetByPeer() => new([], closeAfter: true, resetAfter: true);

    /// <summary>The request was read, then the connection is closed (FIN) without a response byte.</summary>
    public static RawResponse EmptyResponse() => new([], closeAfter: true);

    /// <summary>A 200 and its headers, then a chunk that announces 64 bytes but carries 10 before the connection closes.</summary>
    public static RawResponse MalformedResponseChunk() => new(
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{\"id\":\"pay"),
        closeAfter: true);

    /// <summary>
    /// Bytes that are not an HTTP response (printable, without a line end, from a fixed seed), then close: the client
    /// is still waiting for the end of a status line when the connection ends.
    /// </summary>
    public static RawResponse RandomDataThenClose()
    {
        var random = new Random(20261201);
        var garbage = new byte[512];
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = (byte)random.Next(0x21, 0x7F);
        }

        return new RawResponse(garbage, closeAfter: true);
    }

    /// <summary>A 200 and its headers at once, then the body only after <paramref name="bodyDelay"/>.</summary>
    public static RawResponse SuccessWithBodyAfter(TimeSpan bodyDelay)
    {
        var body = Encoding.UTF8.GetBytes(JsonBody);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
        return new RawResponse(head, closeAfter: false, fillerBytes: body.Length, fillerPattern: body, pauseBeforeFiller: bodyDelay);
    }

    /// <summary>A plain 200 with a small body, keeping the connection open (to warm a pooled connection up).</summary>
    public static RawResponse Ok() => new RawResponseBuilder(200) { Body = "ok"u8.ToArray() }.Build();
}
