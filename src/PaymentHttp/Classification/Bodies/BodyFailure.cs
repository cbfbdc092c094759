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
}
