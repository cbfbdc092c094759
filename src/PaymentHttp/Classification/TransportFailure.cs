using System.Globalization;
using Polly.Timeout;

namespace PaymentHttp;

/// <summary>
/// Classifies failures where no usable response arrived. The line that matters: was the request certainly not
/// sent (connection refused, name not resolved — retry anything), or may the provider have received it
/// (connection dropped, timeout — retry only what is safe to repeat)?
/// </summary>
internal static class TransportFailure
{
    /// <summary>Returns the classified failure, or <see langword="null"/> when the exception is not a transport failure.</summary>
    public static ProviderError? Classify(Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => Timeout(timeout.Timeout),
        HttpRequestException request => FromHttpRequestError(request.HttpRequestError),
        OperationCanceledException => Timeout(null),
        IOException => SafeOnly("The connection to the provider failed while the request was in flight."),
        _ => null,
    };

    /// <summary>A timeout: the provider may be processing the request right now.</summary>
    public static ProviderError Timeout(TimeSpan? after) => SafeOnly(after is { } timeout
        ? string.Create(CultureInfo.InvariantCulture, $"The provider did not answer within {timeout.TotalSeconds:0.###} s.")
        : "The provider did not answer in time.");

    /// <summary>A response whose body broke off after the status arrived: the provider has acted, the answer is lost.</summary>
    public static ProviderError BrokenSuccessBody() =>
        SafeOnly("The provider's response broke off while its body was being read; the request may have been processed.");

    private static ProviderError FromHttpRequestError(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => NotSent("The provider's host name could not be resolved; the request was not sent."),
        HttpRequestError.ConnectionError => NotSent("The connection to the provider could not be established; the request was not sent."),
        HttpRequestError.SecureConnectionError => NotSent("The TLS handshake with the provider failed; the request was not sent."),
        HttpRequestError.ProxyTunnelError => NotSent("The proxy tunnel to the provider could not be established; the request was not sent."),
        HttpRequestError.VersionNegotiationError => Final("The requested HTTP version could not be negotiated with the provider; the request was not sent."),
        HttpRequestError.UserAuthenticationError => Final("Authentication with the proxy or server failed at the HTTP level; the request was not sent."),
        HttpRequestError.ResponseEnded => SafeOnly("The connection closed before the provider's response was complete; the request may have been processed."),
        HttpRequestError.InvalidResponse => SafeOnly("The provider sent an invalid HTTP response; the request may have been processed."),
        HttpRequestError.HttpProtocolError => SafeOnly("An HTTP protocol error occurred with the provider; the request may have been processed."),
        HttpRequestError.ConfigurationLimitExceeded => SafeOnly("The provider's response exceeded a configured limit; the request may have been processed."),
        _ => SafeOnly("The connection to the provider failed while the request was in flight; the request may have been processed."),
    };

    private static ProviderError NotSent(string message) =>
        new(PaymentErrorCategory.Transient, message) { RetrySafety = PaymentRetrySafety.Always };

    private static ProviderError SafeOnly(string message) =>
        new(PaymentErrorCategory.OutcomeUnknown, message) { RetrySafety = PaymentRetrySafety.SafeOnly };

    private static ProviderError Final(string message) =>
        new(PaymentErrorCategory.Configuration, message) { RetrySafety = PaymentRetrySafety.Never };
}
