namespace PaymentHttp;

/// <summary>
/// Whether a failed request may be sent again, which depends on whether the provider may have acted on it.
/// </summary>
public enum PaymentRetrySafety
{
    /// <summary>Final: retrying the same request cannot succeed (declines, validation, credentials, conflicts).</summary>
    Never,

    /// <summary>
    /// The provider may have acted on the request. Retry only a request that is safe to repeat: GET, HEAD,
    /// OPTIONS, one carrying the provider's idempotency key header, or one marked with
    /// <see cref="PaymentHttpRequestMessageExtensions.MarkAsIdempotent(System.Net.Http.HttpRequestMessage)"/>.
    /// </summary>
    SafeOnly,

    /// <summary>The provider certainly did not act on the request (throttled, refused before processing). Retry any request.</summary>
    Always,
}
