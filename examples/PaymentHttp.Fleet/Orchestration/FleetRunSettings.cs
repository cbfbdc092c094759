using PaymentHttp.Fleet.CommandLine;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>One run of the fleet: how many workers with how many payments, through which budget, against which limit.</summary>
public sealed class FleetRunSettings
{
    public required BudgetMode Budget { get; init; }

    public int Workers { get; init; } = 4;

    public int PaymentsPerWorker { get; init; } = 300;

    /// <summary>Gets the sandbox's PlexyPay limit, requests per second.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Gets each client's budget, permits per second.</summary>
    public int Rate { get; init; } = 48;

    public int Burst { get; init; } = 2;

    public int Concurrency { get; init; } = 12;

    /// <summary>Gets the Redis server (<c>host:port</c>) of the shared budget; required for <see cref="BudgetMode.Shared"/>.</summary>
    public string? Redis { get; init; }

    /// <summary>Gets how long the whole run may take before its workers are killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
