using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace PaymentHttp.Testing;

/// <summary>Puts a <see cref="SandboxResponse"/> on the wire: whole, with its JSON cut, broken off mid-body, chunked or compressed.</summary>
internal static class SandboxResponseWriter
{
    private static readonly ReadOnlyMemory<byte> OpenBrace = "{"u8.ToArray();

    public static Task WriteAsync(HttpContext context, SandboxResponse response, CancellationToken cancellationToken) =>
        WriteAsync(context, response, response.Body, response.Body.Length, cancellationToken);

    /// <summary>A complete HTTP response whose body is the first half of the real one: valid HTTP, invalid JSON.</summary>
    public static Task WriteMalformedAsync(HttpContext context, SandboxResponse response, CancellationToken cancellationToken)
    {
        var cut = response.Body.Length > 1 ? response.Body[..(response.Body.Length / 2)] : OpenBrace;
        return WriteAsync(context, response, cut, cut.Length, cancellationToken);
    }

    /// <summary>
    /// Announces the full <c>Content-Length</c> but sends only half of the body. When the handler returns, Kestrel
    /// sees the response is short and closes the connection: the client has the headers, and its body read fails.
    /// </summary>
    public static async Task WriteTruncatedAsync(HttpContext context, SandboxResponse response, CancellationToken cancellationToken)
    {
        var body = response.Body.Length > 1 ? response.Body : OpenBrace;
        await WriteAsync(context, response, body[..(body.Length / 2)], body.Length, cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No <c>Content-Length</c>: Kestrel frames the body in chunks, and two flushed writes make two of them.</summary>
    public static async Task WriteChunkedAsync(HttpContext context, SandboxResponse response, CancellationToken cancellationToken)
    {
        var http = context.Response;
        WriteHead(http, response);
        var body = response.Body;
        var half = body.Length / 2;
        await http.Body.WriteAsync(body[..half], cancellationToken).ConfigureAwait(false);
        await http.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        await http.Body.WriteAsync(body[half..], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The body compressed with <paramref name="contentEncoding"/> and a <c>Content-Encoding</c> header. When
    /// <paramref name="corrupt"/>, the start of the compressed stream is made invalid, so that every decoder fails
    /// before its first decoded byte whatever the body: the gzip magic number, a reserved block type right after a
    /// valid zlib header (so a decoder that sniffs for that header takes it as zlib and fails), brotli's reserved window-size marker.
    /// </summary>
    public static Task WriteCompressedAsync(HttpContext context, SandboxResponse response, string contentEncoding, bool corrupt, CancellationToken cancellationToken)
    {
        var encoded = Compress(response.Body, contentEncoding);
        if (corrupt)
        {
            switch (contentEncoding)
            {
                case "gzip":
                    encoded[1] ^= 0x01; // 1F 8B becomes 1F 8A
                    break;
                case "deflate":
                    encoded[2] |= 0x06; // BTYPE 11: reserved
                    break;
                default:
                    encoded[0] = 0x11; // WBITS marker reserved for large windows, which HTTP brotli never uses
                    break;
            }
        }

        return WriteAsync(context, response.WithHeader("Content-Encoding", contentEncoding), encoded, encoded.Length, cancellationToken);
    }

    /// <summary>A redirect with an empty body, pointing to <paramref name="location"/>.</summary>
    public static Task WriteRedirectAsync(HttpContext context, int statusCode, string location, CancellationToken cancellationToken) =>
        WriteAsync(context, SandboxResponse.Empty(statusCode).WithHeader("Location", location), cancellationToken);

    /// <summary>HTTP 429 with the provider's envelope and, when planned, <c>Retry-After</c> in whole seconds.</summary>
    public static SandboxResponse WithRetryAfter(SandboxResponse response, TimeSpan? retryAfter) => retryAfter is { } after
        ? response.WithHeader("Retry-After", ((long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
        : response;

    private static byte[] Compress(ReadOnlyMemory<byte> body, string contentEncoding)
    {
        using var output = new MemoryStream();
        using (Stream encoder = contentEncoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true), // RFC 9110: zlib-wrapped
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(contentEncoding), contentEncoding, "The encoding must be gzip, deflate or br."),
        })
        {
            encoder.Write(body.Span);
        }

        return output.ToArray();
    }

    private static void WriteHead(HttpResponse http, SandboxResponse response)
    {
        http.StatusCode = response.StatusCode;
        if (response.ContentType is { } contentType)
        {
            http.ContentType = contentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }
    }

    private static async Task WriteAsync(HttpContext context, SandboxResponse response, ReadOnlyMemory<byte> body, int contentLength, CancellationToken cancellationToken)
    {
        var http = context.Response;
        WriteHead(http, response);
        http.ContentLength = contentLength;
        if (!body.IsEmpty)
        {
            await http.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}
