using System.Globalization;

namespace PaymentHttp;

/// <summary>
/// The classified error of a request the client-side rate budget refused: RateLimited, retry safety Always (it was
/// never sent), <c>RetryAfter</c> from the budget, no HTTP status. Final for the call — the gate already waited as
/// long as <c>MaxWait</c> and the total timeout allowed — so the retry strategy does not try again.
/// </summary>
internal static class LocalRateRefusal
{
    public static ProviderError Error(PaymentProvider? provider, TimeSpan? retryAfter)
    {
        var message = retryAfter is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $"The client-side rate budget refused the request, so it was not sent; a permit is back in {wait.TotalSeconds:0.###} s.")
            : "The client-side rate budget refused the request, so it was not sent.";
        return new ProviderError(PaymentErrorCategory.RateLimited, message)
        {
            Provider = provider,
            RetrySafety = PaymentRetrySafety.Always,
            RetryAfter = retryAfter,
            IsRetryable = false,
        };
    }
}
