namespace PaymentHttp.Demo.Scenarios;

/// <summary>An ordinary payment: one request, an approval, one charge.</summary>
internal sealed class ApprovedPaymentScenario : Scenario
{
    public override string Name => "approved";

    public override string Description => "An ordinary payment: one request, approved, charged once.";

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var reference = ScenarioContext.NewReference(Name);
        var before = context.Requests;

        // PaymentHttp throws for every failure, including those inside a 2xx (Paysafe FAILED, PagarStar codes), so a
        // response that comes back is an approval; its body is untouched and still readable.
        using var response = await context.PayAsync(reference, cancellationToken);

        var attempts = context.Requests - before;
        var charges = context.Charges(reference);
        return new ScenarioObservation(
            AsExpected: response.IsSuccessStatusCode && attempts == 1 && charges == 1,
            attempts,
            $"approved, {ScenarioContext.Charged(charges)}");
    }
}
