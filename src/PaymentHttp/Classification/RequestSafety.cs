namespace PaymentHttp;

/// <summary>
/// Decides whether a request may be sent again after a failure the provider may have acted on.
/// </summary>
internal static class RequestSafety
{
    internal static readonly HttpRequestOptionsKey<bool> MarkedIdempotentKey = new("PaymentHttp.Idempotent");

    /// <summary>What an empty header value can consist of, including empty values joined by a list comma.</summary>
    private const string BlankOrSeparator = " \t\r\n,";

    /// <summary>
    /// GET, HEAD and OPTIONS, a request carrying a non-blank value in the provider's idempotency key header, or a
    /// request the caller marked idempotent. PUT and DELETE are not assumed safe: payment APIs use them to move money too.
    /// </summary>
    public static bool IsSafeToRepeat(HttpRequestMessage request, string? idempotencyKeyHeader)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options)
        {
            return true;
        }

        if (idempotencyKeyHeader is not null && CarriesKey(request, idempotencyKeyHeader))
        {
            return true;
        }

        return request.Options.TryGetValue(MarkedIdempotentKey, out var marked) && marked;
    }

    /// <summary>
    /// Whether the header holds a key: at least one value that is not empty, whitespace or list commas. An empty header is no
    /// key — the provider cannot match a repeat to the first request by it, so it must not make a retry safe.
    /// </summary>
    private static bool CarriesKey(HttpRequestMessage request, string header)
    {
        if (!request.Headers.NonValidated.TryGetValues(header, out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!value.AsSpan().Trim(BlankOrSeparator).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
