using System.Net.Http.Headers;

namespace PaymentHttp;

/// <summary>
/// Reads <c>Retry-After</c> in both of its forms: delta seconds and an HTTP date.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// Returns the wait the provider asked for, or <see langword="null"/> when there is no valid header.
    /// A date in the past means no wait.
    /// </summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        if (!headers.NonValidated.Contains("Retry-After"))
        {
            return null; // the common case: no parse, no allocation
        }

        return headers.RetryAfter switch
        {
            { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
            { Date: { } date } => Max(date - timeProvider.GetUtcNow(), TimeSpan.Zero),
            _ => null,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
