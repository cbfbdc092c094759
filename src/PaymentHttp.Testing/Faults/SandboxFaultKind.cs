namespace PaymentHttp.Testing;

/// <summary>
/// What a <see cref="SandboxFault"/> does to one request. See each <see cref="SandboxFault"/> member for what goes
/// on the wire and what a client observes.
/// </summary>
public enum SandboxFaultKind
{
    /// <summary>No fault: the request is handled normally.</summary>
    None,

    /// <summary>The TCP connection is refused; the request never reaches the provider.</summary>
    Refuse,

    /// <summary>The connection is reset after the request was read and before anything was charged.</summary>
    ResetBeforeProcessing,

    /// <summary>The request is processed (a payment is charged), then the connection is reset before any response byte.</summary>
    ResetAfterCharging,

    /// <summary>The request is processed at once; its response is held back for a while.</summary>
    Delay,

    /// <summary>HTTP 429 in the provider's envelope, optionally with <c>Retry-After</c>; nothing is charged.</summary>
    TooManyRequests,

    /// <summary>HTTP 503 in the provider's envelope; nothing is charged.</summary>
    ServiceUnavailable,

    /// <summary>The request is processed (a payment is charged), then HTTP 500 in the provider's envelope is returned.</summary>
    ServerErrorAfterCharging,

    /// <summary>A given provider error code in the provider's own error envelope; nothing is charged.</summary>
    ProviderError,

    /// <summary>The request is processed normally; the response is complete on the wire but its JSON body is cut in half.</summary>
    MalformedBody,

    /// <summary>The request is processed normally; the response announces its full length, sends half of the body and the connection closes.</summary>
    TruncatedBody,

    /// <summary>
    /// A 3xx with a <c>Location</c> (same origin or another one). 303 See Other comes after processing (a payment is
    /// charged, as a provider that points to the result); 301, 302, 307 and 308 answer before anything is charged.
    /// </summary>
    Redirect,

    /// <summary>The request is processed normally; the response body goes on the wire compressed (gzip, deflate or br) with its <c>Content-Encoding</c>.</summary>
    Compressed,

    /// <summary>The request is processed normally; the response goes on the wire with chunked framing instead of a <c>Content-Length</c>.</summary>
    Chunked,

    /// <summary>The request is processed normally (a payment is charged); the body announces a <c>Content-Encoding</c> it does not decode under.</summary>
    CorruptCompressed,
}
