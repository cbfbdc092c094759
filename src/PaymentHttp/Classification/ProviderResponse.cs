using System.Net;
using System.Net.Http.Headers;

namespace PaymentHttp;

/// <summary>
/// What a <see cref="PaymentErrorClassifier"/> sees of one HTTP response: the status, the headers and at most
/// <see cref="PaymentProviderClientOptions.MaxErrorBodyBytes"/> bytes of the body.
/// </summary>
public readonly ref struct ProviderResponse
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderResponse"/> struct.
    /// </summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="contentHeaders">The content headers, or <see langword="null"/> when the response has no content.</param>
    /// <param name="body">The body bytes read, at most the configured limit.</param>
    /// <param name="isBodyTruncated"><see langword="true"/> when the body was longer than the limit, or broke off while being read.</param>
    public ProviderResponse(
        HttpStatusCode statusCode,
        HttpResponseHeaders headers,
        HttpContentHeaders? contentHeaders,
        ReadOnlySpan<byte> body,
        bool isBodyTruncated)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Body = body;
        IsBodyTruncated = isBodyTruncated;
    }

    /// <summary>Gets the HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the response headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>Gets the content headers, or <see langword="null"/> when the response has no content.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    /// <summary>Gets the body bytes that were read: at most the configured limit, possibly empty.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>Gets a value indicating whether the body was longer than the limit or broke off while being read.</summary>
    public bool IsBodyTruncated { get; }

    /// <summary>Gets a value indicating whether the status is 2xx.</summary>
    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;
}
