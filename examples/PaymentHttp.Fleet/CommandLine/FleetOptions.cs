namespace PaymentHttp.Fleet.CommandLine;

/// <summary>The orchestrator's command line.</summary>
public sealed class FleetOptions
{
    public const string Usage = """
        Usage: dotnet run --project examples/PaymentHttp.Fleet [-- options]
          --workers N        client processes per run (default 4)
          --payments N       payments per process (default 300)
          --limit N          the sandbox's PlexyPay rate limit, requests per second (default 50)
          --rate N           each client's budget, permits per second (default 96% of the limit)
          --burst N          each client's budget burst (default 2)
          --concurrency N    payments in flight per process (default 12)
          --runs LIST        which runs, in order, comma-separated: shared,local,none (default all three)
          --help             this text
        Exit code 0 only when the shared run meets the figures: at most 1% of requests answered 429, payments accepted at
        90% of the limit or more, no duplicate charge, no exception other than PaymentProviderException.
        """;

    private static readonly HashSet<string> Known = ["--workers", "--payments", "--limit", "--rate", "--burst", "--concurrency", "--runs"];
    private static readonly HashSet<string> Flags = ["--help", "-h"];

    public int Workers { get; init; } = 4;

    public int Payments { get; init; } = 300;

    public int Limit { get; init; } = 50;

    public int Rate { get; init; } = 48;

    public int Burst { get; init; } = 2;

    public int Concurrency { get; init; } = 12;

    public IReadOnlyList<BudgetMode> Runs { get; init; } = [BudgetMode.Shared, BudgetMode.Local, BudgetMode.None];

    public bool ShowHelp { get; init; }

    public static FleetOptions Parse(ReadOnlySpan<string> args)
    {
        var pairs = ArgumentReader.Pairs(args, Known, Flags);
        var limit = ArgumentReader.Int(pairs, "--limit", 50, 1, 10_000);
        var runs = pairs.TryGetValue("--runs", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ArgumentReader.Budget).Distinct().ToArray()
            : [BudgetMode.Shared, BudgetMode.Local, BudgetMode.None];
        if (runs.Length == 0)
        {
            throw new UsageException("Option '--runs' must name at least one of shared, local, none.");
        }

        return new FleetOptions
        {
            Workers = ArgumentReader.Int(pairs, "--workers", 4, 1, 64),
            Payments = ArgumentReader.Int(pairs, "--payments", 300, 1, 100_000),
            Limit = limit,
            Rate = ArgumentReader.Int(pairs, "--rate", Math.Max(1, limit * 96 / 100), 1, 1_000_000),
            Burst = ArgumentReader.Int(pairs, "--burst", 2, 1, 1_000_000),
            Concurrency = ArgumentReader.Int(pairs, "--concurrency", 12, 1, 1_000),
            Runs = runs,
            ShowHelp = pairs.ContainsKey("--help") || pairs.ContainsKey("-h"),
        };
    }
}
