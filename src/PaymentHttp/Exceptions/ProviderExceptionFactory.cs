using System.Globalization;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace PaymentHttp;

/// <summary>
/// The one place where a classified error becomes the typed exception of its category.
/// </summary>
internal static class ProviderExceptionFactory
{
    public static PaymentProviderException Create(ProviderError error, int attempts, Exception? innerException = null)
    {
        PaymentProviderException exception = error.Category switch
        {
            PaymentErrorCategory.Declined => new ProviderDeclinedException(error, innerException),
            PaymentErrorCategory.InvalidRequest => new ProviderValidationException(error, innerException),
            PaymentErrorCategory.Authentication => new ProviderAuthenticationException(error, innerException),
            PaymentErrorCategory.Authorization => new ProviderAuthorizationException(error, innerException),
            PaymentErrorCategory.NotFound => new ProviderNotFoundException(error, innerException),
            PaymentErrorCategory.Conflict => new ProviderConflictException(error, innerException),
            PaymentErrorCategory.RateLimited => new ProviderRateLimitedException(error, innerException),
            PaymentErrorCategory.Transient => new ProviderUnavailableException(error, innerException),
            PaymentErrorCategory.OutcomeUnknown => new ProviderOutcomeUnknownException(error, innerException),
            PaymentErrorCategory.Configuration => new ProviderConfigurationException(error, innerException),
            _ => new ProviderUnknownErrorException(error, innerException),
        };
        exception.Attempts = attempts;
        return exception;
    }

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
    /// Translates a failure that is not yet typed: a transport failure, a timeout, an open circuit or a local rate-budget refusal.
    /// Returns <see langword="null"/> for anything else (caller cancellation, programming errors), which must
    /// propagate unchanged.
    /// </summary>
    public static PaymentProviderException? FromException(
        Exception exception,
        PaymentProvider? provider,
        bool requestIsSafeToRepeat,
        int attempts,
        CancellationToken callerToken)
    {
        switch (exception)
        {
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null; // the caller cancelled: never converted
            case PaymentProviderException typed:
                typed.Attempts = attempts;
                return typed;
            case BrokenCircuitException broken:
                return CircuitOpen(provider, broken, attempts);
            case RateLimiterRejectedException refused:
                return Create(LocalRateRefusal.Error(provider, refused.RetryAfter), attempts, refused); // refused locally, never sent
            default:
                var error = TransportFailure.Classify(exception);
                return error is null
                    ? null
                    : Create(error.CompleteFor(provider, statusCode: null, retryAfter: null, requestIsSafeToRepeat), attempts, exception);
        }
    }
}
