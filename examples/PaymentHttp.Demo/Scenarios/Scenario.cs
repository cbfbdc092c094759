namespace PaymentHttp.Demo.Scenarios;

/// <summary>
/// One thing that happens to payments in production, played against one provider through real HTTP. A scenario
/// decides from what it observes — the response or the typed exception, the sandbox's request count and its ledger —
/// whether PaymentHttp behaved as it promises.
/// </summary>
internal abstract class Scenario
{
    /// <summary>Gets the name used on the command line and in the table.</summary>
    public abstract string Name { get; }

    /// <summary>Gets one line for <c>--help</c>.</summary>
    public abstract string Description { get; }

    public abstract Task<ScenarioObservation> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
