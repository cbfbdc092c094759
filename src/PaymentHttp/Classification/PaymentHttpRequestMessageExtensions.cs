namespace PaymentHttp;

/// <summary>
/// Extension methods on <see cref="HttpRequestMessage"/> for PaymentHttp.
/// </summary>
public static class PaymentHttpRequestMessageExtensions
{
    /// <summary>
    /// Marks the request as safe to send more than once, so that failures the provider may have acted on
    /// (5xx, timeouts, dropped connections) are retried instead of ending in
    /// <see cref="ProviderOutcomeUnknownException"/>.
    /// </summary>
    /// <remarks>
    /// Only mark a request whose repetition cannot move money twice: a status query, or a payment the provider
    /// de-duplicates by a key it enforces. Requests that carry the configured
    /// <see cref="PaymentProviderClientOptions.IdempotencyKeyHeader"/> are treated as idempotent without marking.
    /// </remarks>
    /// <param name="request">The request to mark.</param>
    /// <returns>The same request, for chaining.</returns>
    public static HttpRequestMessage MarkAsIdempotent(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(RequestSafety.MarkedIdempotentKey, true);
        return request;
    }
}
