namespace PaymentHttp;

/// <summary>Failures of a response body that arrived whole but cannot be read as what it claims to be.</summary>
internal static class BodyFailure
{
    /// <summary>
    /// A 2xx body that is not valid for its <c>Content-Encoding</c> (corrupt gzip, deflate or brotli, or an encoding
    /// PaymentHttp does not know): the provider has acted, and its answer cannot be read — like a body that broke off.
    /// </summary>
    public static ProviderError Undecodable() => new(
        PaymentErrorCategory.OutcomeUnknown,
        "The provider's response body could not be decoded (its Content-Encoding is corrupt or unsupported); the request may have been processed.")
    {
        RetrySafety = PaymentRetrySafety.SafeOnly,
    };

    /// <summary>
    /// The inner exception of a broken body, as HttpClient's own buffering reports it: an I/O failure of the stream
    /// wrapped in an <see cref="HttpRequestException"/> that carries its <see cref="HttpRequestError"/>.
    /// </summary>
    public static Exception? AsReadFailure(Exception? failure) => failure switch
    {
        HttpIOException io => new HttpRequestException(io.HttpRequestError, "Error while copying content to a stream.", io),
        IOException or ObjectDisposedException => new HttpRequestException(HttpRequestError.Unknown, "Error while copying content to a stream.", failure),
        _ => failure,
    };
}
