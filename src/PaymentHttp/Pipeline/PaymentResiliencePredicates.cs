using Polly.CircuitBreaker;
using Polly.Retry;

namespace PaymentHttp;

/// <summary>
/// The money-safe predicates PaymentHttp's own pipeline uses, as plain Polly <c>ShouldHandle</c> delegates, so
/// that a pipeline built with Microsoft.Extensions.Http.Resilience (<c>AddResilienceHandler</c>) can use them too.
/// </summary>
/// <remarks>
/// They read the classification that PaymentHttp's handlers attach to each attempt, so the other library's
/// resilience handler must sit outside PaymentHttp's: add it first, then <c>AddPaymentProviderHandlers</c> with
/// PaymentHttp's own retries and breaker turned off (see the README). A request is retried only when the failure is safe to retry for it: a failure the provider
/// certainly did not act on, or one it may have acted on when the request is safe to repeat.
/// </remarks>
public static class PaymentResiliencePredicates
{
    /// <summary>
    /// A retry <c>ShouldHandle</c>: <see langword="true"/> when the attempt failed and may be sent again.
    /// </summary>
    /// <param name="args">The retry predicate arguments.</param>
    /// <returns><see langword="true"/> to retry.</returns>
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        new(AttemptOutcome.ErrorOf(args.Outcome, args.Context)?.IsRetryable == true);

    /// <summary>
    /// A circuit-breaker <c>ShouldHandle</c>: <see langword="true"/> for transient, rate-limited and outcome-unknown
    /// failures (network failures and timeouts included), never for declines or other client errors.
    /// </summary>
    /// <param name="args">The circuit-breaker predicate arguments.</param>
    /// <returns><see langword="true"/> to count the outcome as a failure.</returns>
    public static ValueTask<bool> ShouldBreakCircuit(CircuitBreakerPredicateArguments<HttpResponseMessage> args) =>
        new(AttemptOutcome.CountsForCircuitBreaker(AttemptOutcome.ErrorOf(args.Outcome, args.Context)));
}
