namespace PaymentHttp.Demo.Scenarios;

/// <summary>One row of the results table.</summary>
internal sealed record ScenarioResult(PaymentProvider Provider, string Scenario, ScenarioObservation Observation, TimeSpan Elapsed)
{
    public bool AsExpected => Observation.AsExpected;
}
