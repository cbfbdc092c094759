using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// An HTTP/1.1 responder on 127.0.0.1 that writes exactly the bytes a test scripted — a status line, headers and a body
/// that may all be wrong — for requests to <c>/r/{id}</c>, with keep-alive. Kestrel is not used here on purpose: it
/// validates and normalises what it sends (no control characters in header values, Content-Length enforced, Date and
/// Server added), so it cannot put malformed HTTP on the wire. Requests are those SocketsHttpHandler sends: a request
/// line, headers, and a body of Content-Length bytes. A response is written only after the whole request was read, so
/// the socket faults it scripts (<see cref="SocketFaults"/>) happen after the provider received the request.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    /// <summary>The server's socket send buffer: small and fixed, so that "bytes accepted" is close to "bytes the client took".</summary>
    public const int SendBufferBytes = 64 * 1024;

    private const int MaxRequestHeadBytes = 64 * 1024;
    private const int FillerChunkBytes = 64 * 1024;
    private static readonly byte[] NotFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, RawExchange> _exchanges = new();
    private readonly ConcurrentDictionary<Socket, bool> _connections = new();
    private readonly Task _accepting;
    private int _nextId;
    private int _unknownRequests;
    private int _connectionsAccepted;

    private RawHttpServer(Socket listener)
    {
        _listener = listener;
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets how many requests named no scripted response (answered 404).</summary>
    public int UnknownRequests => Volatile.Read(ref _unknownRequests);

    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    public static RawHttpServer Start()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(512);
            return new RawHttpServer(listener);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Scripts a response; request it at <see cref="PathOf"/>.</summary>
    public RawExchange Add(string tag, RawResponse response)
    {
        var exchange = new RawExchange(Interlocked.Increment(ref _nextId), tag, response);
        _exchanges[exchange.Id] = exchange;
        return exchange;
    }

    public void Remove(RawExchange exchange) => _exchanges.TryRemove(exchange.Id, out _);

    public static string PathOf(RawExchange exchange) => "r/" + exchange.Id.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connectionsAccepted);
            _connections[connection] = true;
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxRequestHeadBytes);
        var buffered = 0;
        RawExchange? current = null;
        try
        {
            connection.NoDelay = true;
            connection.SendBufferSize = SendBufferBytes;
            while (true)
            {
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, buffered).IndexOf(HeadEnd)) < 0)
                {
                    if (buffered == buffer.Length)
                    {
                        return; // a request head this large is not one SocketsHttpHandler sends
                    }

                    var read = await connection.ReceiveAsync(buffer.AsMemory(buffered), SocketFlags.None, _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    buffered += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var consumed = headEnd + HeadEnd.Length;
                var bodyLength = ContentLength(head);
                if (bodyLength < 0)
                {
                    return; // chunked request bodies are not expected
                }

                // Drop the request body: what is buffered already, then the rest from the socket.
                var inBuffer = Math.Min(bodyLength, buffered - consumed);
                consumed += inBuffer;
                for (var missing = bodyLength - inBuffer; missing > 0;)
                {
                    var read = await connection.ReceiveAsync(buffer.AsMemory(0, Math.Min(missing, buffer.Length)), SocketFlags.None, _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    missing -= read;
                    buffered = 0;
                    consumed = 0;
                }

                buffer.AsSpan(consumed, Math.Max(0, buffered - consumed)).CopyTo(buffer);
                buffered = Math.Max(0, buffered - consumed);

                if (!_exchanges.TryGetValue(ExchangeId(head), out current))
                {
                    Interlocked.Increment(ref _unknownRequests);
                    await connection.SendAsync(NotFound, SocketFlags.None, _stopping.Token);
                    continue;
                }

                current.Started();
                await WriteAsync(connection, current);
                current.Finish();
                if (current.Response.ResetAfter)
                {
                    connection.LingerState = new LingerOption(enable: true, seconds: 0); // close sends RST, not FIN
                    return;
                }

                if (current.Response.CloseAfter)
                {
                    connection.Shutdown(SocketShutdown.Send);
                    return;
                }

                current = null;
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away (as a client that stops reading an oversized body does), or the server stops.
        }
        finally
        {
            current?.Finish();
            _connections.TryRemove(connection, out _);
            connection.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WriteAsync(Socket connection, RawExchange exchange)
    {
        var response = exchange.Response;
        await SendAsync(connection, response.Bytes, exchange);
        if (response.FillerBytes <= 0)
        {
            return;
        }

        if (response.PauseBeforeFiller > TimeSpan.Zero)
        {
            await Task.Delay(response.PauseBeforeFiller, _stopping.Token);
        }

        var chunk = Filler(response.FillerPattern.Span, response.FillerChunked);
        for (var remaining = response.FillerBytes; remaining > 0; remaining -= FillerChunkBytes)
        {
            // Chunked filler goes in whole chunks (the framing must stay valid); plain filler is cut to the byte.
            var whole = response.FillerChunked || remaining >= FillerChunkBytes;
            await SendAsync(connection, whole ? chunk : chunk.AsMemory(0, (int)remaining), exchange);
        }

        if (response.FillerChunked)
        {
            await SendAsync(connection, "0\r\n\r\n"u8.ToArray(), exchange);
        }
    }

    private async Task SendAsync(Socket connection, ReadOnlyMemory<byte> bytes, RawExchange exchange)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await connection.SendAsync(bytes, SocketFlags.None, _stopping.Token);
            exchange.Accepted(sent);
            bytes = bytes[sent..];
        }
    }

    /// <summary>64 KiB of the pattern, framed as one HTTP chunk when asked (its data is then the first 64 KiB minus framing).</summary>
    private static byte[] Filler(ReadOnlySpan<byte> pattern, bool chunked)
    {
        var chunk = new byte[FillerChunkBytes];
        var data = chunked ? chunk.AsSpan(6, FillerChunkBytes - 8) : chunk.AsSpan();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = pattern[i % pattern.Length];
        }

        if (chunked)
        {
            Encoding.ASCII.GetBytes((FillerChunkBytes - 8).ToString("x4", CultureInfo.InvariantCulture) + "\r\n").CopyTo(chunk, 0);
            "\r\n"u8.CopyTo(chunk.AsSpan(FillerChunkBytes - 2));
        }

        return chunk;
    }

    /// <summary>The request's Content-Length: 0 when absent, -1 for a chunked body.</summary>
    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }

            if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>The id in <c>METHOD /r/{id} HTTP/1.1</c>, or 0.</summary>
    private static int ExchangeId(string head)
    {
        var line = head.AsSpan(0, head.IndexOf('\r') is var end and >= 0 ? end : head.Length);
        var start = line.IndexOf("/r/");
        if (start < 0)
        {
            return 0;
        }

        var rest = line[(start + 3)..];
        var stop = rest.IndexOfAny(' ', '?');
        return int.TryParse(stop < 0 ? rest : rest[..stop], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
    }
}
