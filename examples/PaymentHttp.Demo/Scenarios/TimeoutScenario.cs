using PaymentHttp.Demo.Providers;
using PaymentHttp.Testing;

namespace PaymentHttp.Demo.Scenarios;

/// <summary>
/// The provider charges the customer, then its answer never arrives and the attempt times out. Sending the payment
/// again could charge twice, so PaymentHttp does not: the caller gets <see cref="ProviderOutcomeUnknownException"/>
/// and reconciles by its merchant reference.
/// </summary>
internal sealed class TimeoutScenario : Scenario
{
    public override string Name => "timeout";

    public override string Description => "Charged, but the answer never comes: ProviderOutcomeUnknownException, reconciled by reference.";

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var reference = ScenarioContext.NewReference(Name);
        context.Sandbox.Faults.Plan(context.Provider, reference, SandboxFault.Delay(Timeout.InfiniteTimeSpan));
        var before = context.Requests;
        ProviderOutcomeUnknownException unknown;
        try
        {
            using var response = await context.PayAsync(reference, cancellationToken);
            return new ScenarioObservation(false, context.Requests - before, "answered although the sandbox held the response");
        }
        catch (ProviderOutcomeUnknownException exception)
        {
            unknown = exception;
        }

        // Did the customer pay? Ask the provider, by the merchant reference, through the same client.
        using var lookup = await context.LookupAsync(reference, cancellationToken);
        var paid = await PaymentLookup.PaidCountAsync(context.Provider, lookup, cancellationToken);
        var charges = context.Charges(reference);
        return new ScenarioObservation(
            AsExpected: unknown.Attempts == 1 && paid == 1 && charges == 1,
            unknown.Attempts,
            paid == 1 ? $"unknown, reconciled: paid, {ScenarioContext.Charged(charges)}" : $"unknown, lookup found {paid} payments",
            unknown);
    }
}
