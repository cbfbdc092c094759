using System.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace PaymentHttp;

/// <summary>
/// The Polly callbacks that report retries and circuit-breaker transitions of one client: a log entry with the
/// failure's category and code, and an event on the call's activity. They count nothing: Polly's own telemetry
/// (<c>resilience.polly.strategy.events</c>) counts these events, with the pipeline's name.
/// </summary>
internal sealed class PaymentPipelineTelemetry
{
    private readonly PaymentClientRuntime _client;

    public PaymentPipelineTelemetry(PaymentClientRuntime client)
    {
        _client = client;
    }

    public ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var error = AttemptOutcome.ErrorOf(args.Outcome, args.Context);
        var reason = error is null ? "unknown" : TelemetryTags.TagValue(error.Category);

        PaymentHttpLog.RetryScheduled(
            _client.Logger, _client.Name, _client.ProviderTag, args.AttemptNumber + 1, reason, error?.Code, args.RetryDelay.TotalMilliseconds);
        ActivityOf(args.Context)?.AddEvent(new ActivityEvent("payment.retry", tags: new ActivityTagsCollection
        {
            ["payment.retry.attempt"] = args.AttemptNumber + 1,
            ["payment.retry.delay_ms"] = args.RetryDelay.TotalMilliseconds,
            [PaymentHttpTelemetry.RetryReasonTag] = reason,
            [PaymentHttpTelemetry.CodeTag] = TelemetryTags.CodeTagValue(error?.Code, _client),
        }));
        return ValueTask.CompletedTask;
    }

    public ValueTask OnOpened(OnCircuitOpenedArguments<HttpResponseMessage> args)
    {
        Transition(args.Context, "open");
        PaymentHttpLog.CircuitOpened(_client.Logger, _client.Name, _client.ProviderTag, args.BreakDuration.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnHalfOpened(OnCircuitHalfOpenedArguments args)
    {
        Transition(args.Context, "half_open");
        PaymentHttpLog.CircuitHalfOpened(_client.Logger, _client.Name, _client.ProviderTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnClosed(OnCircuitClosedArguments<HttpResponseMessage> args)
    {
        Transition(args.Context, "closed");
        PaymentHttpLog.CircuitClosed(_client.Logger, _client.Name, _client.ProviderTag);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The call's activity, taken from the context: Polly runs circuit-breaker callbacks on its own task, where
    /// <see cref="Activity.Current"/> is not the call's.
    /// </summary>
    private static Activity? ActivityOf(ResilienceContext context) =>
        context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call) ? call.Activity : null;

    private static void Transition(ResilienceContext context, string state)
    {
        ActivityOf(context)?.AddEvent(new ActivityEvent("payment.circuit_breaker", tags: new ActivityTagsCollection
        {
            [PaymentHttpTelemetry.BreakerStateTag] = state,
        }));
    }
}
