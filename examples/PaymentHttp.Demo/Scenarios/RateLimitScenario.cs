using System.Diagnostics;
using System.Globalization;
using PaymentHttp.Testing;

namespace PaymentHttp.Demo.Scenarios;

/// <summary>
/// The provider throttles the payment with <c>429 Retry-After: 1</c>. It certainly did not act, so even a payment POST
/// is retried — after the wait the provider asked for — and approved.
/// </summary>
internal sealed class RateLimitScenario : Scenario
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public override string Name => "rate-limit";

    public override string Description => "429 with Retry-After: 1: the payment is retried after 1 s and approved once.";

    public override async Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var reference = ScenarioContext.NewReference(Name);
        context.Sandbox.Faults.Plan(context.Provider, reference, SandboxFault.TooManyRequests(RetryAfter));
        var before = context.Requests;
        var stopwatch = Stopwatch.StartNew();

        using var response = await context.PayAsync(reference, cancellationToken);

        var waited = stopwatch.Elapsed;
        var attempts = context.Requests - before;
        var charges = context.Charges(reference);

        // Retry-After is honoured when the client waited at least that long (less a little for timer granularity).
        var honoured = waited >= RetryAfter * 0.9;
        return new ScenarioObservation(
            AsExpected: response.IsSuccessStatusCode && attempts == 2 && honoured && charges == 1,
            attempts,
            string.Create(CultureInfo.InvariantCulture, $"429, waited {waited.TotalSeconds:0.0} s, approved, {ScenarioContext.Charged(charges)}"));
    }
}
