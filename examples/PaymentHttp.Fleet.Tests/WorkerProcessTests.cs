using System.Diagnostics;
using PaymentHttp.Fleet.CommandLine;
using PaymentHttp.Fleet.Orchestration;
using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Tests;

/// <summary>Process handling: every wait on a worker is bounded, and a worker that hangs is killed, not left behind.</summary>
[Collection(ProcessRunCollection.Name)]
public sealed class WorkerProcessTests
{
    [Fact]
    public async Task AWorkerThatNeverFinishes_TimesOut_AndDisposeKillsIt()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        int pid;
        using (var worker = WorkerProcess.Start(1, ["worker", "--sandbox", sandbox.BaseAddress(PaymentProvider.PlexyPay).AbsoluteUri, "--budget", "none", "--payments", "1"]))
        {
            await worker.WaitReadyAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
            pid = worker.ProcessId;

            // Never told to go: it waits on stdin, and the orchestrator's bound ends the wait.
            var timedOut = await Should.ThrowAsync<WorkerProcessException>(() => worker.ReportAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None));
            timedOut.Message.ShouldContain("did not finish within");
            IsRunning(pid).ShouldBeTrue();
        }

        IsRunning(pid).ShouldBeFalse();
    }

    [Fact]
    public async Task AWorkerWithABadCommandLine_FailsBeforeReady_WithItsMessage()
    {
        using var worker = WorkerProcess.Start(7, ["worker", "--budget", "shared", "--sandbox", "http://127.0.0.1:1/plexypay/"]);

        var failed = await Should.ThrowAsync<WorkerProcessException>(() => worker.WaitReadyAsync(TimeSpan.FromSeconds(60), CancellationToken.None));

        failed.Message.ShouldContain("worker 7 exited with code 2");
        failed.Message.ShouldContain("--redis HOST:PORT");
    }

    [Fact]
    public async Task AWorker_SendsItsPayments_AndReportsThemAsOneJsonLine()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var worker = WorkerProcess.Start(3, ["worker", "--sandbox", sandbox.BaseAddress(PaymentProvider.PlexyPay).AbsoluteUri, "--budget", "local", "--payments", "5", "--run", "t", "--worker", "3"]);
        await worker.WaitReadyAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

        await worker.SayGoAsync();
        var report = await worker.ReportAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

        (report.Worker, report.Budget, report.Payments, report.Succeeded).ShouldBe((3, "local", 5, 5));
        report.Failed.ShouldBeEmpty();
        report.Untyped.ShouldBeEmpty();
        for (var i = 0; i < 5; i++)
        {
            sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, WorkerOptions.Reference("t", 3, i)).ShouldBe(1);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
