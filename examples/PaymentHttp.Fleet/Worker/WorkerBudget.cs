using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Fleet.CommandLine;

namespace PaymentHttp.Fleet.Worker;

/// <summary>The worker's rate budget: Redis for the shared run, the in-process default otherwise.</summary>
internal sealed class WorkerBudget : IAsyncDisposable
{
    private WorkerBudget()
    {
    }

    public static Task<WorkerBudget> CreateAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        if (options.Budget == BudgetMode.Shared)
        {
            throw new UsageException("The shared budget needs PaymentHttp.Redis, which is not wired in yet.");
        }

        return Task.FromResult(new WorkerBudget());
    }

    public void Register(IServiceCollection services)
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
