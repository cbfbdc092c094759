namespace PaymentHttp.Demo.Scenarios;

/// <summary>Every scenario, in the order they are played.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new ApprovedPaymentScenario(),
        new DeclineScenario(),
        new RateLimitScenario(),
        new OutageScenario(),
        new TimeoutScenario(),
    ];

    public static Scenario? Find(string name) =>
        All.FirstOrDefault(scenario => string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase));
}
