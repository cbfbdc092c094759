using System.Globalization;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace PaymentHttp;

/// <summary>
/// The one place where a classified error becomes the typed exception of its category. Called once per call, at
/// the edge of <see cref="PaymentResilienceHandler"/>, so that <see cref="PaymentProviderException.Attempts"/> is
/// final when the exception is created.
/// </summary>
internal static class ProviderExceptionFactory
{
    public static PaymentProviderException Create(ProviderError error, int attempts, Exception? innerException = null) => error.Category switch
    {
        PaymentErrorCategory.Declined => new ProviderDeclinedException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.InvalidRequest => new ProviderValidationException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.Authentication => new ProviderAuthenticationException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.Authorization => new ProviderAuthorizationException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.NotFound => new ProviderNotFoundException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.Conflict => new ProviderConflictException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.RateLimited => new ProviderRateLimitedException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.Transient => new ProviderUnavailableException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.OutcomeUnknown => new ProviderOutcomeUnknownException(error, innerException) { Attempts = attempts },
        PaymentErrorCategory.Configuration => new ProviderConfigurationException(error, innerException) { Attempts = attempts },
        _ => new ProviderUnknownErrorException(error, innerException) { Attempts = attempts },
    };

    /// <summary>The circuit is open: the request was not sent in the attempt that met it.</summary>
    public static ProviderCircuitOpenException CircuitOpen(PaymentProvider? provider, BrokenCircuitException exception, int attempts)
    {
        var message = exception.RetryAfter is { } remaining
            ? string.Create(CultureInfo.InvariantCulture, $"The circuit breaker is open after repeated failures; calls fail fast for another {remaining.TotalSeconds:0.###} s. The request was not sent.")
            : "The circuit breaker is open (isolated); the request was not sent.";
        var error = new ProviderError(PaymentErrorCategory.Transient, message)
        {
            Provider = provider,
            RetrySafety = PaymentRetrySafety.Always,
            RetryAfter = exception.RetryAfter,
        };
        return new ProviderCircuitOpenException(error, exception) { Attempts = attempts };
    }

    /// <summary>
    /// Translates a failure that is not yet typed: a transport failure, a timeout, an open circuit or a local
    /// rate-budget refusal. The inner exception is redacted with the request's <paramref name="secrets"/>.
    /// Returns <see langword="null"/> for anything else (caller cancellation, programming errors), which must
    /// propagate unchanged.
    /// </summary>
    public static PaymentProviderException? FromException(
        Exception exception,
        PaymentProvider? provider,
        bool requestIsSafeToRepeat,
        int attempts,
        in RequestSecrets secrets,
        CancellationToken callerToken)
    {
        switch (exception)
        {
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null; // the caller cancelled: never converted
            case PaymentProviderException typed:
                return typed; // thrown by a handler of the user's below PaymentHttp's: it is theirs, unchanged
            case BrokenCircuitException broken:
                return CircuitOpen(provider, broken, attempts);
            case RateLimiterRejectedException refused:
                return Create(LocalRateRefusal.Error(provider, refused.RetryAfter), attempts, refused); // refused locally, never sent
            default:
                var error = TransportFailure.Classify(exception);
                return error is null
                    ? null
                    : Create(
                        ProviderErrorRedactor.Redact(error.CompleteFor(provider, statusCode: null, retryAfter: null, requestIsSafeToRepeat), secrets),
                        attempts,
                        ExceptionRedactor.Redact(exception, secrets));
        }
    }
}
