using PaymentHttp.Testing;

namespace PaymentHttp.Demo.Scenarios;

/// <summary>The provider refuses the payment: a typed exception to catch, never retried, never charged.</summary>
internal sealed class DeclineScenario : Scenario
{
    public override string Name => "decline";

    public override string Description => "The issuer refuses: ProviderDeclinedException, not retried, not charged.";

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var reference = ScenarioContext.NewReference(Name);
        var before = context.Requests;
        try
        {
            // The sandbox declines this amount with each provider's own decline envelope (402, 400 + code, 200 + code).
            using var response = await context.PayAsync(reference, cancellationToken, SandboxAmounts.Declined);
            return new ScenarioObservation(false, context.Requests - before, $"approved (HTTP {(int)response.StatusCode}) instead of declined");
        }
        catch (ProviderDeclinedException declined)
        {
            var charges = context.Charges(reference);
            return new ScenarioObservation(
                AsExpected: declined.Attempts == 1 && context.Requests - before == 1 && charges == 0,
                declined.Attempts,
                $"declined ({declined.ProviderCode}), {ScenarioContext.Charged(charges)}",
                declined);
        }
    }
}
