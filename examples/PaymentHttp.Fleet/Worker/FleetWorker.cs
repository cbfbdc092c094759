using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Fleet.CommandLine;
using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Worker;

/// <summary>
/// One instance of the payment service: a PaymentHttp client for PlexyPay with the chosen budget, sending its payments
/// as fast as <see cref="WorkerOptions.Concurrency"/> allows. PlexyPay charges a payment again when it is sent again
/// without an <c>Idempotency-Key</c>, and none is sent, so the sandbox's ledger sees every duplicate.
/// </summary>
public static class FleetWorker
{
    /// <summary>The client's name in the worker's service collection.</summary>
    public const string ClientName = "plexypay";

    private const string WarmUpClientName = "plexypay-warm-up";

    /// <summary>How often one payment may be put back after <see cref="ProviderRateLimitedException"/>; bounded, so a run ends.</summary>
    private const int MaxRequeues = 20;

    private static readonly TimeSpan MaxRequeueWait = TimeSpan.FromSeconds(5);

    // Bounds the wait for "go": an orchestrator that died must not leave a worker behind.
    private static readonly TimeSpan GoTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(WorkerOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var budget = await WorkerBudget.CreateAsync(options, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection();
        using var warnings = new WarningCounter(error);
        services.AddLogging(logging => logging.AddProvider(warnings));
        budget.Register(services);
        services.AddPaymentProviderClient(ClientName, PaymentProvider.PlexyPay, o =>
        {
            Configure(o, options);
            o.RateLimit.Enabled = options.Budget != BudgetMode.None;
            o.RateLimit.PermitsPerPeriod = options.Rate;
            o.RateLimit.Period = TimeSpan.FromSeconds(1);
            o.RateLimit.Burst = options.Burst;
            o.RateLimit.MaxWait = TimeSpan.FromSeconds(20);
            o.RateLimit.Key = options.Key;
        }).AddHttpMessageHandler(() => new PlexyPaySandboxCredentials());

        // The same pipeline without a budget, to warm it up (JIT, connections) before the run is timed.
        services.AddPaymentProviderClient(WarmUpClientName, PaymentProvider.PlexyPay, o => Configure(o, options))
            .AddHttpMessageHandler(() => new PlexyPaySandboxCredentials());

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var client = factory.CreateClient(ClientName);
        await WarmUpAsync(factory.CreateClient(WarmUpClientName), options, cancellationToken).ConfigureAwait(false);

        await error.WriteLineAsync("ready").ConfigureAwait(false);
        await error.FlushAsync(cancellationToken).ConfigureAwait(false);
        await WaitForGoAsync(cancellationToken).ConfigureAwait(false);

        var failed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var untyped = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var succeeded = 0;
        var requeued = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, options.Payments, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            var reference = WorkerOptions.Reference(options.Run, options.Worker, index);
            try
            {
                for (var requeue = 0; ; requeue++)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("payments", new { reference, amount = 2500, currency = "EUR", card_number = SandboxCards.Approved }, ct).ConfigureAwait(false);
                        if (response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref succeeded);
                        }
                        else
                        {
                            untyped[reference] = $"HTTP {(int)response.StatusCode} passed through";
                        }

                        break;
                    }
                    catch (ProviderRateLimitedException limited) when (requeue < MaxRequeues)
                    {
                        // Rate limited means the provider did not act (PaymentHttp retries only what is safe, and no
                        // Idempotency-Key is sent): a payment service puts the payment back in its queue.
                        Interlocked.Increment(ref requeued);
                        await Task.Delay(Min(limited.RetryAfter ?? TimeSpan.FromMilliseconds(100), MaxRequeueWait), ct).ConfigureAwait(false);
                    }
                }
            }
            catch (PaymentProviderException typed)
            {
                failed[reference] = typed.GetType().Name;
            }
            catch (Exception other) when (other is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The figure the proof counts: anything that is not a PaymentProviderException.
                untyped[reference] = other.GetType().Name + ": " + other.Message;
            }
        }).ConfigureAwait(false);

        var report = new WorkerReport
        {
            Worker = options.Worker,
            Budget = options.Budget.ToString().ToLowerInvariant(),
            Payments = options.Payments,
            Succeeded = succeeded,
            Failed = new Dictionary<string, string>(failed, StringComparer.Ordinal),
            Untyped = new Dictionary<string, string>(untyped, StringComparer.Ordinal),
            ElapsedMilliseconds = clock.ElapsedMilliseconds,
            Requeued = requeued,
            Warnings = new Dictionary<string, int>(warnings.Counts, StringComparer.Ordinal),
        };
        await output.WriteLineAsync(report.ToJsonLine()).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return report.Untyped.Count == 0 ? ExitCodes.Success : ExitCodes.FiguresMissed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void Configure(PaymentProviderClientOptions o, WorkerOptions options)
    {
        o.BaseAddress = options.Sandbox;
        o.AttemptTimeout = TimeSpan.FromSeconds(10);
        o.TotalTimeout = TimeSpan.FromSeconds(60);
        o.Retry.MaxRetryAttempts = 5;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Looks up references that do not exist: the whole pipeline runs once, and nothing is charged.</summary>
    private static async Task WarmUpAsync(HttpClient client, WorkerOptions options, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync($"payments?reference={options.Run}-w{options.Worker}-warm-up-{i}", cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Waits for the orchestrator's "go" line, so that every worker starts sending at once.</summary>
    private static async Task WaitForGoAsync(CancellationToken cancellationToken)
    {
        // Console.In blocks in ReadLine whatever the token says; the bound is kept by WaitAsync, and a dead
        // orchestrator closes the pipe, which ends the read with null.
        var line = await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(GoTimeout, cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            throw new UsageException("stdin closed before the orchestrator said go.");
        }
    }
}
