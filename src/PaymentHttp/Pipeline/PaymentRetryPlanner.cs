using Polly.Retry;

namespace PaymentHttp;

/// <summary>
/// Decides, after each failed attempt, whether to retry and how long to wait first. A retry happens only when the
/// failure is safe to retry for the request, the provider's <c>Retry-After</c> is within <c>MaxDelay</c>, and the
/// wait ends before the total timeout; otherwise the failure goes to the caller at once, never slept on.
/// </summary>
internal static class PaymentRetryPlanner
{
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var error = AttemptOutcome.ErrorOf(args.Outcome, args.Context);
        if (error is not { IsRetryable: true } || !args.Context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call))
        {
            return new(false);
        }

        var settings = call.Settings;
        if (error.RetryAfter is { } requested && requested > settings.MaxDelay)
        {
            return new(false);
        }

        var delay = error.RetryAfter
            ?? RetryBackoff.Delay(args.AttemptNumber, settings.BaseDelay, settings.MaxDelay, settings.UseJitter ? call.Client.Jitter : null);
        if (settings.TotalTimeout != Timeout.InfiniteTimeSpan && call.Elapsed + delay >= settings.TotalTimeout)
        {
            return new(false);
        }

        call.NextDelay = delay;
        return new(true);
    }

    public static ValueTask<TimeSpan?> NextDelay(RetryDelayGeneratorArguments<HttpResponseMessage> args) =>
        new(args.Context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call) ? call.NextDelay : TimeSpan.Zero);
}
