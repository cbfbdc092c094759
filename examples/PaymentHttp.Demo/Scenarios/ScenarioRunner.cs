using System.Diagnostics;
using PaymentHttp.Demo.Hosting;

namespace PaymentHttp.Demo.Scenarios;

/// <summary>Plays the chosen scenarios against the chosen providers and times each one.</summary>
internal static class ScenarioRunner
{
    // Far above what the scenarios need (each client's total timeout is 10 s): only a hung run reaches it.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(DemoHost host, IReadOnlyList<PaymentProvider> providers, IReadOnlyList<Scenario> scenarios)
    {
        using var deadline = new CancellationTokenSource(Deadline);

        // Providers are independent — each has its own client, circuit breaker and sandbox endpoints — so they play
        // side by side. One provider's scenarios take turns: they share its circuit breaker.
        var perProvider = await Task.WhenAll(providers.Select(provider =>
            RunProviderAsync(new ScenarioContext(provider, host.Client(provider), host.Sandbox), scenarios, deadline.Token)));
        return [.. perProvider.SelectMany(results => results)];
    }

    private static async Task<List<ScenarioResult>> RunProviderAsync(ScenarioContext context, IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>(scenarios.Count);
        foreach (var scenario in scenarios)
        {
            var stopwatch = Stopwatch.StartNew();
            var observation = await ObserveAsync(scenario, context, cancellationToken);
            results.Add(new ScenarioResult(context.Provider, scenario.Name, observation, stopwatch.Elapsed));
        }

        return results;
    }

    private static async Task<ScenarioObservation> ObserveAsync(Scenario scenario, ScenarioContext context, CancellationToken cancellationToken)
    {
        var before = context.Requests;
        try
        {
            return await scenario.RunAsync(context, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever a scenario did not expect is a finding for the table, not a crash of the demo.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var attempts = exception is PaymentProviderException typed ? typed.Attempts : context.Requests - before;
            return new ScenarioObservation(false, attempts, "unexpected: " + Shorten(exception.Message), exception);
        }
    }

    private static string Shorten(string message) => message.Length <= 80 ? message : message[..77] + "...";
}
