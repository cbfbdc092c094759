namespace PaymentHttp.Demo.Scenarios;

/// <summary>
/// The provider goes down. Failing calls open the client's circuit breaker; while it is open a payment fails fast
/// with <see cref="ProviderCircuitOpenException"/> and never reaches the provider. The provider comes back, the break
/// ends, and the next payment — the breaker's trial call — goes through and closes the circuit.
/// </summary>
internal sealed class OutageScenario : Scenario
{
    // Bounds on the demo's loops; the configured breaker opens after a handful of failures and breaks for 1 s.
    private const int MaxProbes = 20;
    private const int MaxTrials = 3;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    // Task.Delay counts whole milliseconds, truncating: without a margin the wait can end a fraction of a millisecond
    // before the break does, and a remaining 0.4 ms becomes Delay(0).
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(20);

    public override string Name => "outage";

    public override string Description => "The provider is down: the circuit opens, a payment fails fast unsent, then it recovers.";

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var reference = ScenarioContext.NewReference(Name);
        var before = context.Requests;
        ProviderCircuitOpenException failedFast;
        int failures;
        int sentWhileOpen;
        context.Sandbox.SetOutage(context.Provider, true);
        try
        {
            if (!await OpenCircuitAsync(context, reference, cancellationToken))
            {
                return new ScenarioObservation(false, context.Requests - before, $"circuit still closed after {MaxProbes} failed lookups");
            }

            failures = context.Requests - before;
            var beforePayment = context.Requests;
            try
            {
                using var response = await context.PayAsync(reference, cancellationToken);
                return new ScenarioObservation(false, context.Requests - beforePayment, "a payment went through during the outage");
            }
            catch (ProviderCircuitOpenException open)
            {
                failedFast = open;
                sentWhileOpen = context.Requests - beforePayment;
            }
        }
        finally
        {
            context.Sandbox.SetOutage(context.Provider, false);
        }

        var recovered = await PayAfterTheBreakAsync(context, reference, failedFast.RetryAfter, cancellationToken);
        var charges = context.Charges(reference);
        return new ScenarioObservation(
            AsExpected: failedFast.Attempts == 0 && sentWhileOpen == 0 && recovered && charges == 1,
            failedFast.Attempts,
            recovered
                ? $"open after {failures} failures, 0 sent, recovered, {ScenarioContext.Charged(charges)}"
                : $"open after {failures} failures, did not recover",
            failedFast);
    }

    /// <summary>
    /// Looks the payment up until the breaker opens. Lookups are safe to repeat, so PaymentHttp retries each one and
    /// the breaker counts every failed attempt. (A payment POST would not be retried: for most providers a bare 503
    /// on a payment means "it may have been processed" — see the timeout scenario.)
    /// </summary>
    private static async Task<bool> OpenCircuitAsync(ScenarioContext context, string reference, CancellationToken cancellationToken)
    {
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            try
            {
                using var response = await context.LookupAsync(reference, cancellationToken);
                return false; // the sandbox answered although the provider is down
            }
            catch (ProviderCircuitOpenException)
            {
                return true;
            }
            catch (ProviderUnavailableException)
            {
                // The provider's 503, after PaymentHttp's retries: what an outage looks like to the caller.
            }
        }

        return false;
    }

    /// <summary>
    /// Waits out the remaining break (the exception's <c>RetryAfter</c>) and pays. The first call after the break is the
    /// breaker's trial; should the clock round the other way, the circuit says how much longer to wait.
    /// </summary>
    private static async Task<bool> PayAfterTheBreakAsync(ScenarioContext context, string reference, TimeSpan? remaining, CancellationToken cancellationToken)
    {
        for (var trial = 0; trial < MaxTrials; trial++)
        {
            var wait = (remaining ?? TimeSpan.FromSeconds(1)) + Margin;
            await Task.Delay(wait < MaxWait ? wait : MaxWait, cancellationToken);
            try
            {
                using var response = await context.PayAsync(reference, cancellationToken);
                return true;
            }
            catch (ProviderCircuitOpenException stillOpen)
            {
                remaining = stillOpen.RetryAfter;
            }
        }

        return false;
    }
}
