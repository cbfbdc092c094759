using Polly;

namespace PaymentHttp;

/// <summary>
/// A Polly strategy inside the rate gate: when an attempt's answer asks to come back later (429, or a provider code
/// classified RateLimited/Transient with retry safety Always), it pauses the client's budget key, so that every
/// client and instance sharing the key waits instead of sending and learning it again.
/// </summary>
internal sealed class PaymentBackoffRecorder : ResilienceStrategy<HttpResponseMessage>
{
    private readonly PaymentRateGate _gate;

    public PaymentBackoffRecorder(PaymentRateGate gate)
    {
        _gate = gate;
    }

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);

        // Only answers the provider gave count: a refused connection says nothing about its rate limit.
        if (outcome.Result is { } response
            && context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var call)
            && call.FailureOf(response) is { } error
            && PaymentRateGate.AsksToComeBackLater(error))
        {
            await _gate.RecordAsync(error).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        return outcome;
    }
}
