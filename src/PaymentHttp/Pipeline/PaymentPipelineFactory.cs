using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentHttp;

/// <summary>
/// Adds one client's strategies to the builder Polly's registry hands over: retry → rate gate (when
/// <c>RateLimit</c> is on) → circuit breaker → attempt timeout. The total timeout needs no strategy (and so no second
/// timer per call) of its own: each attempt's timeout is cut to the time left, and the retry planner never starts a
/// wait that would end past the deadline. The options are read from one settings snapshot per build; a reload builds
/// the pipeline again.
/// </summary>
internal static class PaymentPipelineFactory
{
    private static readonly TimeSpan MinimumAttemptTime = TimeSpan.FromMilliseconds(10);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, PaymentClientRuntime client, PaymentClientSettings settings)
    {
        var telemetry = new PaymentPipelineTelemetry(client);
        builder.TimeProvider = client.TimeProvider;

        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = settings.MaxRetryAttempts,
                ShouldHandle = PaymentRetryPlanner.ShouldRetry,
                DelayGenerator = PaymentRetryPlanner.NextDelay, // the planner chose the delay while deciding
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                OnRetry = telemetry.OnRetry,
            });
        }

        // Outside the breaker: a local refusal never counts as a provider failure.
        if (settings.RateLimit.Enabled)
        {
            new PaymentRateGate(client, settings.RateLimit, client.RateBudget).AddTo(builder);
        }

        if (settings.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "CircuitBreaker",
                ShouldHandle = PaymentResiliencePredicates.ShouldBreakCircuit,
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                OnOpened = telemetry.OnOpened,
                OnHalfOpened = telemetry.OnHalfOpened,
                OnClosed = telemetry.OnClosed,
            });
        }

        if (settings.AttemptTimeout != Timeout.InfiniteTimeSpan || settings.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "AttemptTimeout",
                Timeout = settings.AttemptTimeout != Timeout.InfiniteTimeSpan ? settings.AttemptTimeout : settings.TotalTimeout,
                TimeoutGenerator = args => AttemptTimeout(settings, args),
            });
        }
    }

    /// <summary>The attempt timeout, cut to what is left of the total timeout.</summary>
    private static ValueTask<TimeSpan> AttemptTimeout(PaymentClientSettings settings, TimeoutGeneratorArguments args)
    {
        if (settings.TotalTimeout == Timeout.InfiniteTimeSpan
            || !args.Context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call))
        {
            return new(settings.AttemptTimeout);
        }

        var left = settings.TotalTimeout - call.Elapsed;
        if (left < MinimumAttemptTime)
        {
            left = MinimumAttemptTime; // the planner leaves time for an attempt; a last sliver still gets a bound
        }

        return new(settings.AttemptTimeout == Timeout.InfiniteTimeSpan || left < settings.AttemptTimeout ? left : settings.AttemptTimeout);
    }
}
