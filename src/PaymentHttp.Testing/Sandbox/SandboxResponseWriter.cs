using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PaymentHttp.Testing;

/// <summary>Puts a <see cref="SandboxResponse"/> on the wire: whole, with its JSON cut, or broken off mid-body.</summary>
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

    /// <summary>HTTP 429 with the provider's envelope and, when planned, <c>Retry-After</c> in whole seconds.</summary>
    public static SandboxResponse WithRetryAfter(SandboxResponse response, TimeSpan? retryAfter) => retryAfter is { } after
        ? response.WithHeader("Retry-After", ((long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
        : response;

    private static async Task WriteAsync(HttpContext context, SandboxResponse response, ReadOnlyMemory<byte> body, int contentLength, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        if (response.ContentType is { } contentType)
        {
            http.ContentType = contentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        http.ContentLength = contentLength;
        if (!body.IsEmpty)
        {
            await http.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}
