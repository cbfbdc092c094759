using PaymentHttp.Fleet.CommandLine;
using PaymentHttp.Fleet.Worker;
using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>What one run did, as the sandbox and the workers saw it.</summary>
public sealed class FleetRunResult
{
    public required FleetRunSettings Settings { get; init; }

    public BudgetMode Budget => Settings.Budget;

    public required IReadOnlyList<WorkerReport> Workers { get; init; }

    /// <summary>Gets the sandbox's rate-limit counts for PlexyPay during the run.</summary>
    public required SandboxRateLimitReport Sandbox { get; init; }

    /// <summary>Gets every request that reached the sandbox's PlexyPay endpoint, the workers' warm-up look-ups included.</summary>
    public required int Requests { get; init; }

    /// <summary>Gets the payments charged more than once, in extra charges (sandbox ledger).</summary>
    public required int DuplicateCharges { get; init; }

    /// <summary>
    /// Gets the payments whose outcome disagrees with the ledger: a success not charged exactly once, or a failure that
    /// says the provider did not act (anything but <see cref="ProviderOutcomeUnknownException"/>) yet was charged.
    /// </summary>
    public required int Unaccounted { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public int Payments => Workers.Sum(w => w.Payments);

    public int Succeeded => Workers.Sum(w => w.Succeeded);

    public int Untyped => Workers.Sum(w => w.Untyped.Count);

    /// <summary>Gets the typed failures by exception type.</summary>
    public IReadOnlyDictionary<string, int> FailuresByType => Workers
        .SelectMany(w => w.Failed.Values)
        .GroupBy(name => name, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Gets the accepted requests per second as a share of the sandbox's limit.</summary>
    public double AcceptedShareOfLimit => (Sandbox.AcceptedPerSecond ?? 0) / Settings.Limit;
}
