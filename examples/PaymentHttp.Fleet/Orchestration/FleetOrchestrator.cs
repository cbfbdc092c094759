using System.Globalization;
using PaymentHttp.Fleet.CommandLine;
using PaymentHttp.Fleet.Output;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>Starts redis-server when the shared run is asked for, makes the runs one after the other and prints them.</summary>
public static class FleetOrchestrator
{
    public static async Task<int> RunAsync(FleetOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await using var redis = options.Runs.Contains(BudgetMode.Shared) ? await FleetRedis.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        if (redis is { Address: null })
        {
            await output.WriteLineAsync(redis.Problem).ConfigureAwait(false);
            await output.WriteLineAsync("Making the runs without Redis only.").ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        var results = new List<FleetRunResult>();
        foreach (var mode in options.Runs)
        {
            if (mode == BudgetMode.Shared && redis?.Address is null)
            {
                continue;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Run '{mode.ToString().ToLowerInvariant()}': {options.Workers} processes x {options.Payments} payments, sandbox limit {options.Limit}/s, budget {(mode == BudgetMode.None ? "none" : $"{options.Rate}/s burst {options.Burst}")} ...")).ConfigureAwait(false);
            results.Add(await FleetRun.RunAsync(
                new FleetRunSettings
                {
                    Budget = mode,
                    Workers = options.Workers,
                    PaymentsPerWorker = options.Payments,
                    Limit = options.Limit,
                    Rate = options.Rate,
                    Burst = options.Burst,
                    Concurrency = options.Concurrency,
                    Redis = mode == BudgetMode.Shared ? redis!.Address : null,
                },
                cancellationToken).ConfigureAwait(false));
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(RunTable.Render(results)).ConfigureAwait(false);
        foreach (var result in results)
        {
            await output.WriteLineAsync(RateChart.Render("Run '" + result.Budget.ToString().ToLowerInvariant() + "'", result.Sandbox)).ConfigureAwait(false);
        }

        var shared = results.FirstOrDefault(r => r.Budget == BudgetMode.Shared);
        if (shared is null)
        {
            await output.WriteLineAsync(options.Runs.Contains(BudgetMode.Shared)
                ? "The shared run was not made (no redis-server): exit code 3."
                : "No shared run was asked for: nothing to prove, exit code 0.").ConfigureAwait(false);
            return options.Runs.Contains(BudgetMode.Shared) ? ExitCodes.RedisMissing : ExitCodes.Success;
        }

        var missed = FleetFigures.Missed(shared);
        await output.WriteLineAsync(missed.Count == 0
            ? "The shared run met every figure: at most 1% answered 429, accepted at 90% of the limit or more, 0 duplicate charges, 0 untyped exceptions."
            : "The shared run missed: " + string.Join("; ", missed)).ConfigureAwait(false);
        return missed.Count == 0 ? ExitCodes.Success : ExitCodes.FiguresMissed;
    }
}
