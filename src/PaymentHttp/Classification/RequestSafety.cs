namespace PaymentHttp;

/// <summary>
/// Decides whether a request may be sent again after a failure the provider may have acted on.
/// </summary>
internal static class RequestSafety
{
    internal static readonly HttpRequestOptionsKey<bool> MarkedIdempotentKey = new("PaymentHttp.Idempotent");

    /// <summary>
    /// GET, HEAD and OPTIONS, a request carrying the provider's idempotency key header, or a request the caller
    /// marked idempotent. PUT and DELETE are not assumed safe: payment APIs use them to move money too.
    /// </summary>
    public static bool IsSafeToRepeat(HttpRequestMessage request, string? idempotencyKeyHeader)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options)
        {
            return true;
        }

        if (idempotencyKeyHeader is not null && request.Headers.NonValidated.Contains(idempotencyKeyHeader))
        {
            return true;
        }

        return request.Options.TryGetValue(MarkedIdempotentKey, out var marked) && marked;
    }
}
