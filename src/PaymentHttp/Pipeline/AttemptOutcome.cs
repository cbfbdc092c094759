using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace PaymentHttp;

/// <summary>
/// Reads the classified error of one attempt's outcome. Responses and transport failures were classified by
/// <see cref="ClassificationHandler"/> and recorded in the call state; only what no attempt produced — Polly's own
/// timeout — is classified here. Inside another library's pipeline (PaymentHttp's handlers inside, with retries
/// off), the outcome is PaymentHttp's typed exception, which carries its error.
/// </summary>
internal static class AttemptOutcome
{
    /// <summary>Returns the error of the outcome, or <see langword="null"/> for a success or an outcome no predicate acts on.</summary>
    public static ProviderError? ErrorOf(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call);
        if (call?.FailureOf(outcome) is { } recorded)
        {
            return recorded;
        }

        switch (outcome.Exception)
        {
            case PaymentProviderException typed:
                return typed.Error;
            case null or BrokenCircuitException:
                return null; // a success, or an open circuit: it fails fast; waiting it out is the caller's decision
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null; // the caller cancelled: never retried
            case RateLimiterRejectedException refused:
                return LocalRateRefusal.Error(provider: null, refused.RetryAfter); // never sent; final: the gate waited already
            case { } exception:
                return TransportFailure.Classify(exception)?.CompleteFor(
                    provider: null, statusCode: null, retryAfter: null, IsSafeToRepeat(call, outcome, context));
        }
    }

    /// <summary>Whether the circuit breaker counts the error: only failures that say the provider is in trouble.</summary>
    public static bool CountsForCircuitBreaker(ProviderError? error) => error?.Category
        is PaymentErrorCategory.Transient
        or PaymentErrorCategory.RateLimited
        or PaymentErrorCategory.OutcomeUnknown;

    private static bool IsSafeToRepeat(PaymentCallState? call, Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (call is not null)
        {
            return call.IsSafeToRepeat;
        }

        // Inside another library's pipeline: the idempotency header is unknown here, so only the method and an
        // explicit MarkAsIdempotent count.
        var request = outcome.Result?.RequestMessage
            ?? (context.Properties.TryGetValue(PaymentResilienceKeys.RequestMessage, out var fromContext) ? fromContext : null);
        return request is not null && RequestSafety.IsSafeToRepeat(request, idempotencyKeyHeader: null);
    }
}
