using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PaymentHttp.Fleet.CommandLine;
using PaymentHttp.Fleet.Worker;
using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>
/// Runs the fleet once: a fresh sandbox with PlexyPay limited, the worker processes started and told to go together,
/// their reports read, and every payment checked against the sandbox's ledger.
/// </summary>
public static class FleetRun
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly ConcurrentDictionary<WorkerProcess, byte> Live = new();
    private static int _exitHookInstalled;

    public static async Task<FleetRunResult> RunAsync(FleetRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Budget == BudgetMode.Shared && string.IsNullOrWhiteSpace(settings.Redis))
        {
            throw new ArgumentException("The shared run needs a Redis server (FleetRunSettings.Redis).", nameof(settings));
        }

        InstallExitHook();
        await using var sandbox = await ProviderSandbox.StartAsync(cancellationToken).ConfigureAwait(false);
        var run = "fleet-" + settings.Budget.ToString().ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        var workers = new List<WorkerProcess>();
        try
        {
            for (var number = 1; number <= settings.Workers; number++)
            {
                var worker = WorkerProcess.Start(number, Arguments(settings, sandbox.BaseAddress(PaymentProvider.PlexyPay), run, number));
                Live[worker] = 0;
                workers.Add(worker);
            }

            await Task.WhenAll(workers.Select(w => w.WaitReadyAsync(ReadyTimeout, cancellationToken))).ConfigureAwait(false);

            // The limit's first second starts when the workers are told to go.
            sandbox.SetRateLimit(PaymentProvider.PlexyPay, settings.Limit);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(workers.Select(w => w.SayGoAsync())).ConfigureAwait(false);
            var reports = await Task.WhenAll(workers.Select(w => w.ReportAsync(settings.Timeout, cancellationToken))).ConfigureAwait(false);
            clock.Stop();

            var (duplicates, unaccounted) = CheckLedger(sandbox.Ledger, run, reports);
            return new FleetRunResult
            {
                Settings = settings,
                Workers = [.. reports.OrderBy(r => r.Worker)],
                Sandbox = sandbox.RateLimitReport(PaymentProvider.PlexyPay)!,
                Requests = sandbox.RequestCount(PaymentProvider.PlexyPay),
                DuplicateCharges = duplicates,
                Unaccounted = unaccounted,
                Elapsed = clock.Elapsed,
            };
        }
        finally
        {
            foreach (var worker in workers)
            {
                Live.TryRemove(worker, out _);
                worker.Dispose();
            }
        }
    }

    private static List<string> Arguments(FleetRunSettings settings, Uri plexyPay, string run, int number)
    {
        var arguments = new List<string>
        {
            "worker",
            "--sandbox", plexyPay.AbsoluteUri,
            "--budget", settings.Budget.ToString().ToLowerInvariant(),
            "--key", "plexypay:" + run,
            "--payments", Text(settings.PaymentsPerWorker),
            "--concurrency", Text(settings.Concurrency),
            "--rate", Text(settings.Rate),
            "--burst", Text(settings.Burst),
            "--run", run,
            "--worker", Text(number),
        };
        if (settings.Redis is { } redis)
        {
            arguments.AddRange(["--redis", redis]);
        }

        return arguments;
    }

    private static (int Duplicates, int Unaccounted) CheckLedger(SandboxLedger ledger, string run, IEnumerable<WorkerReport> reports)
    {
        var duplicates = 0;
        var unaccounted = 0;
        foreach (var report in reports)
        {
            for (var index = 0; index < report.Payments; index++)
            {
                var reference = WorkerOptions.Reference(run, report.Worker, index);
                var charges = ledger.ChargeCount(PaymentProvider.PlexyPay, reference);
                duplicates += Math.Max(0, charges - 1);
                var expected = report.Failed.TryGetValue(reference, out var failure)
                    ? (failure == nameof(ProviderOutcomeUnknownException) ? charges : 0)
                    : report.Untyped.ContainsKey(reference) ? charges : 1;
                if (charges != expected && charges <= 1)
                {
                    unaccounted++;
                }
            }
        }

        return (duplicates, unaccounted);
    }

    /// <summary>Kills every worker still running when this process exits, whatever the reason.</summary>
    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var worker in Live.Keys)
                {
                    worker.Dispose();
                }
            };
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
