using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentHttp;

/// <summary>
/// Builds the Polly pipeline of one named client: retry → rate gate (when <c>RateLimit</c> is on) → circuit breaker → attempt timeout. The total timeout
/// needs no strategy (and so no second timer per call) of its own: each attempt's timeout is cut to the time left,
/// and the retry planner never starts a wait that would end past the deadline.
/// </summary>
internal static class PaymentPipelineFactory
{
    private static readonly TimeSpan MinimumAttemptTime = TimeSpan.FromMilliseconds(10);

    public static ResiliencePipeline<HttpResponseMessage> Create(PaymentClientRuntime client, PaymentCircuitBreakerOptions breaker)
    {
        var telemetry = new PaymentPipelineTelemetry(client);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = $"PaymentHttp-{client.Name}",
            TimeProvider = client.TimeProvider,
        };

        if (client.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = client.MaxRetryAttempts,
                ShouldHandle = PaymentRetryPlanner.ShouldRetry,
                DelayGenerator = PaymentRetryPlanner.NextDelay, // the planner chose the delay while deciding
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                OnRetry = telemetry.OnRetry,
            });
        }

        // Outside the breaker: a local refusal never counts as a provider failure.
        client.RateGate?.AddTo(builder);

        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "CircuitBreaker",
                ShouldHandle = PaymentResiliencePredicates.ShouldBreakCircuit,
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                OnOpened = telemetry.OnOpened,
                OnHalfOpened = telemetry.OnHalfOpened,
                OnClosed = telemetry.OnClosed,
            });
        }

        if (client.AttemptTimeout != Timeout.InfiniteTimeSpan || client.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "AttemptTimeout",
                Timeout = client.AttemptTimeout != Timeout.InfiniteTimeSpan ? client.AttemptTimeout : client.TotalTimeout,
                TimeoutGenerator = args => AttemptTimeout(client, args),
            });
        }

        return builder.Build();
    }

    /// <summary>The attempt timeout, cut to what is left of the total timeout.</summary>
    private static ValueTask<TimeSpan> AttemptTimeout(PaymentClientRuntime client, TimeoutGeneratorArguments args)
    {
        if (client.TotalTimeout == Timeout.InfiniteTimeSpan
            || !args.Context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call))
        {
            return new(client.AttemptTimeout);
        }

        var left = client.TotalTimeout - call.Elapsed;
        if (left < MinimumAttemptTime)
        {
            left = MinimumAttemptTime; // the planner leaves time for an attempt; a last sliver still gets a bound
        }

        return new(client.AttemptTimeout == Timeout.InfiniteTimeSpan || left < client.AttemptTimeout ? left : client.AttemptTimeout);
    }
}
