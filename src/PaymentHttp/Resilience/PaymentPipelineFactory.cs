using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentHttp;

/// <summary>
/// Builds the Polly pipeline of one named client: total timeout → retry → circuit breaker → attempt timeout.
/// </summary>
internal static class PaymentPipelineFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Create(PaymentClientRuntime client, PaymentCircuitBreakerOptions breaker)
    {
        var telemetry = new PaymentPipelineTelemetry(client);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = $"PaymentHttp-{client.Name}",
            TimeProvider = client.TimeProvider,
        };

        if (client.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "TotalTimeout", Timeout = client.TotalTimeout });
        }

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

        if (client.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = client.AttemptTimeout });
        }

        return builder.Build();
    }
}
