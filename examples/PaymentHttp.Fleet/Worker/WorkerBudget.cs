using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Fleet.CommandLine;
using StackExchange.Redis;

namespace PaymentHttp.Fleet.Worker;

/// <summary>
/// The worker's rate budget: for the shared run, the application's own <see cref="IConnectionMultiplexer"/> and
/// PaymentHttp.Redis — the two lines a real service adds; otherwise the in-process default.
/// </summary>
internal sealed class WorkerBudget : IAsyncDisposable
{
    private readonly ConnectionMultiplexer? _redis;

    private WorkerBudget(ConnectionMultiplexer? redis)
    {
        _redis = redis;
    }

    public static async Task<WorkerBudget> CreateAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        if (options.Budget != BudgetMode.Shared)
        {
            return new WorkerBudget(null);
        }

        var configuration = ConfigurationOptions.Parse(options.Redis!);
        configuration.AbortOnConnectFail = false; // Redis down at start-up: the budget falls back, the worker still runs
        configuration.ConnectTimeout = 2_000;
        configuration.SyncTimeout = 1_000;
        configuration.AsyncTimeout = 1_000;
        cancellationToken.ThrowIfCancellationRequested();
        return new WorkerBudget(await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false));
    }

    public void Register(IServiceCollection services)
    {
        if (_redis is not null)
        {
            services.AddSingleton<IConnectionMultiplexer>(_redis);
            // A 2-core machine running four workers, the sandbox and Redis: allow a slow round trip before falling back.
            services.AddPaymentHttpRedisRateBudget(o => o.CommandTimeout = TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }
}
