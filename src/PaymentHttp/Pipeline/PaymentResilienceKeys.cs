using Polly;

namespace PaymentHttp;

/// <summary>
/// Keys of the values PaymentHttp keeps in a Polly <see cref="ResilienceContext"/>.
/// </summary>
internal static class PaymentResilienceKeys
{
    /// <summary>
    /// The request of the call. Same key name as Microsoft.Extensions.Http.Resilience uses, so that the public
    /// predicates find the request inside that library's pipelines too.
    /// </summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestMessage = new("Resilience.Http.RequestMessage");

    public static readonly ResiliencePropertyKey<PaymentCallState> CallState = new("PaymentHttp.CallState");
}
