using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace PaymentHttp.Testing;

/// <summary>
/// One request as a provider simulator sees it: method, path below the provider's prefix, query, headers and the
/// whole body. Built from Kestrel's <see cref="HttpContext"/> on the server, and from the
/// <see cref="HttpRequestMessage"/> in the client handler, so both sides recognise the same merchant reference.
/// </summary>
internal sealed class SandboxRequest
{
    private readonly Dictionary<string, StringValues> _query;
    private readonly Dictionary<string, string> _headers;

    private SandboxRequest(string method, string path, Dictionary<string, StringValues> query, Dictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Path = path.Trim('/');
        _query = query;
        _headers = headers;
        Body = body;
        MediaType = Header("Content-Type") is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType?.ToUpperInvariant()
            : null;
    }

    /// <summary>Gets the HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>Gets the path below the provider's prefix, without leading or trailing slashes (<c>payments/abc</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the body as sent.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the media type of the body, upper case (<c>APPLICATION/JSON</c>), or <see langword="null"/>.</summary>
    public string? MediaType { get; }

    public bool IsPost => string.Equals(Method, "POST", StringComparison.Ordinal);

    public bool IsGet => string.Equals(Method, "GET", StringComparison.Ordinal);

    public bool HasJsonBody => string.Equals(MediaType, "APPLICATION/JSON", StringComparison.Ordinal);

    public bool HasFormBody => string.Equals(MediaType, "APPLICATION/X-WWW-FORM-URLENCODED", StringComparison.Ordinal);

    /// <summary>Gets a header's value (several values joined by commas), or <see langword="null"/>.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>Gets a query parameter's first value, or <see langword="null"/>.</summary>
    public string? Query(string name) => _query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Whether the path is exactly <paramref name="path"/>.</summary>
    public bool PathIs(string path) => string.Equals(Path, path, StringComparison.Ordinal);

    /// <summary>Reads a request that reached the sandbox.</summary>
    public static async Task<SandboxRequest> ReadAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        return new SandboxRequest(
            context.Request.Method.ToUpperInvariant(),
            path,
            QueryHelpers.ParseQuery(context.Request.QueryString.Value),
            headers,
            buffer.ToArray());
    }

    /// <summary>
    /// Reads a request a client is about to send, or returns <see langword="null"/> when it is not addressed below
    /// <paramref name="providerBase"/>. The content is buffered first, so reading it does not consume it.
    /// </summary>
    public static async Task<SandboxRequest?> FromMessageAsync(HttpRequestMessage message, Uri providerBase, CancellationToken cancellationToken)
    {
        var uri = message.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || !providerBase.IsBaseOf(uri))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        var body = Array.Empty<byte>();
        if (message.Content is { } content)
        {
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                headers[name] = values.ToString();
            }

#if NET9_0_OR_GREATER
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath[providerBase.AbsolutePath.Length..]);
        return new SandboxRequest(message.Method.Method.ToUpperInvariant(), path, QueryHelpers.ParseQuery(uri.Query), headers, body);
    }
}
