namespace PaymentHttp.Fleet.CommandLine;

/// <summary>The command line of one worker process: <c>worker --sandbox URL --budget shared|local|none ...</c>.</summary>
public sealed class WorkerOptions
{
    public const string Usage = """
        Usage: PaymentHttp.Fleet worker --sandbox URL --budget shared|local|none [options]
          --sandbox URL      PlexyPay base address in the provider sandbox (http://127.0.0.1:PORT/plexypay/)
          --budget MODE      shared (Redis, needs --redis), local (in-process) or none
          --redis HOST:PORT  the Redis server of the shared budget
          --key KEY          the budget key every worker names (default plexypay:fleet-merchant)
          --payments N       payments to send (default 300)
          --concurrency N    payments in flight (default 12)
          --rate N           budget permits per second (default 48)
          --burst N          budget burst (default 2)
          --run ID           run id, the prefix of every merchant reference (default run)
          --worker N         this worker's number, part of every merchant reference (default 1)
        Waits for one line on stdin ("go") before sending, after writing "ready" to stderr; then prints one JSON line.
        """;

    private static readonly HashSet<string> Known = ["--sandbox", "--budget", "--redis", "--key", "--payments", "--concurrency", "--rate", "--burst", "--run", "--worker"];

    public required Uri Sandbox { get; init; }

    public required BudgetMode Budget { get; init; }

    public string? Redis { get; init; }

    public string Key { get; init; } = "plexypay:fleet-merchant";

    public int Payments { get; init; } = 300;

    public int Concurrency { get; init; } = 12;

    public int Rate { get; init; } = 48;

    public int Burst { get; init; } = 2;

    public string Run { get; init; } = "run";

    public int Worker { get; init; } = 1;

    public static WorkerOptions Parse(ReadOnlySpan<string> args)
    {
        var pairs = ArgumentReader.Pairs(args, Known, new HashSet<string>());
        if (!pairs.TryGetValue("--sandbox", out var sandbox) || !Uri.TryCreate(sandbox, UriKind.Absolute, out var sandboxUri) || sandboxUri.Scheme != Uri.UriSchemeHttp)
        {
            throw new UsageException("Option '--sandbox' must be the sandbox's PlexyPay base address, an absolute http URL.");
        }

        if (!pairs.TryGetValue("--budget", out var budgetText))
        {
            throw new UsageException("Option '--budget' is required: shared, local or none.");
        }

        var budget = ArgumentReader.Budget(budgetText);
        pairs.TryGetValue("--redis", out var redis);
        if (budget == BudgetMode.Shared && string.IsNullOrWhiteSpace(redis))
        {
            throw new UsageException("Option '--redis HOST:PORT' is required with '--budget shared'.");
        }

        return new WorkerOptions
        {
            Sandbox = sandboxUri.AbsoluteUri.EndsWith('/') ? sandboxUri : new Uri(sandboxUri.AbsoluteUri + "/"),
            Budget = budget,
            Redis = redis,
            Key = pairs.GetValueOrDefault("--key", "plexypay:fleet-merchant"),
            Payments = ArgumentReader.Int(pairs, "--payments", 300, 1, 1_000_000),
            Concurrency = ArgumentReader.Int(pairs, "--concurrency", 12, 1, 1_000),
            Rate = ArgumentReader.Int(pairs, "--rate", 48, 1, 1_000_000),
            Burst = ArgumentReader.Int(pairs, "--burst", 2, 1, 1_000_000),
            Run = pairs.GetValueOrDefault("--run", "run"),
            Worker = ArgumentReader.Int(pairs, "--worker", 1, 1, 1_000),
        };
    }

    /// <summary>The merchant reference of payment <paramref name="index"/> (from 0): unique per run, worker and payment.</summary>
    public static string Reference(string run, int worker, int index) => $"{run}-w{worker}-{index:D5}";
}
