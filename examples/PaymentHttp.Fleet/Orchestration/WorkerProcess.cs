using System.Diagnostics;
using PaymentHttp.Fleet.Worker;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>
/// One worker, a separate OS process: <c>dotnet PaymentHttp.Fleet.dll worker ...</c>. Reads its stdout (the one JSON
/// report line) and stderr ("ready", diagnostics) as they come; disposing it kills the process tree if it still runs,
/// so no worker outlives a failed or cancelled run.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int MaxKeptLines = 200;

    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, int number)
    {
        _process = process;
        Number = number;
    }

    public int Number { get; }

    public int ProcessId => _process.Id;

    public static WorkerProcess Start(int number, IReadOnlyList<string> workerArguments)
    {
        var (host, prefix) = Command();
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(workerArguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The worker must not inherit a test host's or an IDE's idea of the environment's name or its console.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, number);
        process.OutputDataReceived += (_, e) => worker.Keep(worker._stdout, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                worker._ready.TrySetResult();
            }
            else
            {
                worker.Keep(worker._stderr, e.Data);
            }
        };
        process.Exited += (_, _) =>
        {
            // Let the redirected streams drain first, so the message carries what the worker said on stderr: only the
            // parameterless WaitForExit waits for the asynchronous readers to reach the end; bounded, in case a stream
            // is held open by something else.
            Task.Run(process.WaitForExit).Wait(TimeSpan.FromSeconds(5));
            worker._ready.TrySetException(new WorkerProcessException($"worker {number} exited with code {worker.SafeExitCode()} before it was ready: {worker.Diagnostics()}"));
        };
        try
        {
            if (!process.Start())
            {
                throw new WorkerProcessException($"worker {number}: '{host}' did not start.");
            }
        }
        catch (System.ComponentModel.Win32Exception notFound)
        {
            process.Dispose();
            throw new WorkerProcessException($"worker {number}: cannot start '{host}' ({notFound.Message}); is the dotnet host on PATH?", notFound);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until the worker has built its client and waits for "go".</summary>
    public Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _ready.Task.WaitAsync(timeout, cancellationToken).ContinueWith(
            t => t.IsFaulted && t.Exception!.InnerException is TimeoutException
                ? throw new WorkerProcessException($"worker {Number} was not ready within {timeout.TotalSeconds:0} s: {Diagnostics()}")
                : t,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();

    public async Task SayGoAsync()
    {
        await _process.StandardInput.WriteLineAsync("go").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the worker to exit and reads its report.</summary>
    public async Task<WorkerReport> ReportAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WorkerProcessException($"worker {Number} did not finish within {timeout.TotalSeconds:0} s: {Diagnostics()}");
        }

        string? last;
        lock (_stdout)
        {
            last = _stdout.LastOrDefault(line => line.StartsWith('{'));
        }

        var report = last is null ? null : WorkerReport.FromJsonLine(last);
        if (report is null || _process.ExitCode is not (ExitCodes.Success or ExitCodes.FiguresMissed))
        {
            throw new WorkerProcessException($"worker {Number} exited with code {_process.ExitCode} and no report: {Diagnostics()}");
        }

        return report;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The host and the leading arguments that run this assembly: the dotnet host and the dll.</summary>
    private static (string Host, string[] Prefix) Command()
    {
        var dll = typeof(FleetApp).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host) || !File.Exists(host))
        {
            var current = Environment.ProcessPath;
            host = current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }

        return (host, [dll]);
    }

    private void Keep(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            if (lines.Count < MaxKeptLines)
            {
                lines.Add(line);
            }
        }
    }

    private string Diagnostics()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? "(nothing on stderr)" : string.Join(" | ", _stderr.Take(20));
        }
    }

    private string SafeExitCode()
    {
        try
        {
            return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
