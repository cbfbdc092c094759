using PaymentHttp.Fleet.CommandLine;
using PaymentHttp.Fleet.Orchestration;
using PaymentHttp.Fleet.Worker;

namespace PaymentHttp.Fleet;

/// <summary>
/// The Fleet example: <c>worker</c> runs one client instance (a separate OS process) that sends its payments through
/// the chosen budget and prints one JSON line; without a sub-command it is the orchestrator that starts the sandbox and
/// redis-server, runs the fleet with the shared, the local and no budget, and prints them side by side.
/// </summary>
public static class FleetApp
{
    /// <summary>Runs the example.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the results go.</param>
    /// <param name="error">Where diagnostics go.</param>
    /// <param name="cancellationToken">Stops the run (Ctrl+C); worker processes are killed.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args.Length > 0 && args[0] == "worker")
            {
                var workerOptions = WorkerOptions.Parse(args.AsSpan(1));
                return await FleetWorker.RunAsync(workerOptions, output, error, cancellationToken).ConfigureAwait(false);
            }

            var options = FleetOptions.Parse(args);
            if (options.ShowHelp)
            {
                await output.WriteLineAsync(FleetOptions.Usage).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return await FleetOrchestrator.RunAsync(options, output, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync(usage.Message).ConfigureAwait(false);
            await error.WriteLineAsync(args.Length > 0 && args[0] == "worker" ? WorkerOptions.Usage : FleetOptions.Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (WorkerProcessException failed)
        {
            await error.WriteLineAsync("A worker process failed: " + failed.Message).ConfigureAwait(false);
            return ExitCodes.WorkerFailed;
        }
    }
}
