using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// What a user writes without PaymentHttp: a <see cref="DelegatingHandler"/> running a Polly.Core
/// <see cref="ResiliencePipeline{T}"/> with the same strategies in the same order as PaymentHttp (total timeout →
/// retry → circuit breaker → attempt timeout) and the same option values, but a plain "5xx or 429" predicate and no
/// classification. It is written the efficient way — pooled <see cref="ResilienceContext"/>, static callback with
/// its state passed as a value tuple, exceptions carried as outcomes — as Microsoft's ResilienceHandler does, so that
/// comparing PaymentHttp with it shows what PaymentHttp itself costs, not what Polly costs.
/// </summary>
public sealed class HandWiredResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public HandWiredResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        _pipeline = pipeline;
    }

    /// <summary>
    /// Builds the pipeline from PaymentHttp's own defaults (read from a fresh <see cref="PaymentProviderClientOptions"/>),
    /// so the two sides cannot drift apart. One pipeline per named client, like PaymentHttp's, so that the circuit
    /// breaker is shared by every handler instance the factory creates.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var defaults = new PaymentProviderClientOptions();
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(defaults.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = static args => new ValueTask<bool>(IsTransient(args.Outcome)),
                MaxRetryAttempts = defaults.Retry.MaxRetryAttempts,
                Delay = defaults.Retry.BaseDelay,
                MaxDelay = defaults.Retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = defaults.Retry.UseJitter,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = static args => new ValueTask<bool>(IsTransient(args.Outcome)),
                FailureRatio = defaults.CircuitBreaker.FailureRatio,
                MinimumThroughput = defaults.CircuitBreaker.MinimumThroughput,
                SamplingDuration = defaults.CircuitBreaker.SamplingDuration,
                BreakDuration = defaults.CircuitBreaker.BreakDuration,
            })
            .AddTimeout(defaults.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        var response = await state.Handler.SendCoreAsync(state.Request, context.CancellationToken)
                            .ConfigureAwait(context.ContinueOnCapturedContext);
                        return Outcome.FromResult(response);
                    }
#pragma warning disable CA1031 // Exceptions travel as outcomes and are rethrown below.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
