using PaymentHttp.Fleet.CommandLine;

namespace PaymentHttp.Fleet.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void TheOrchestratorsDefaults_AreTheIssuesFigures_AndTheBudgetIs96PercentOfTheLimit()
    {
        var options = FleetOptions.Parse([]);

        (options.Workers, options.Payments, options.Limit, options.Rate).ShouldBe((4, 300, 50, 48));
        options.Runs.ShouldBe([BudgetMode.Shared, BudgetMode.Local, BudgetMode.None]);
        FleetOptions.Parse(["--limit", "100"]).Rate.ShouldBe(96);
        FleetOptions.Parse(["--runs", "none,local"]).Runs.ShouldBe([BudgetMode.None, BudgetMode.Local]);
    }

    [Theory]
    [InlineData(new[] { "--workers", "0" }, "'--workers' must be a whole number between 1 and 64 (was '0')")]
    [InlineData(new[] { "--runs", "shared,fast" }, "'--budget' must be shared, local or none (was 'fast')")]
    [InlineData(new[] { "--frobnicate" }, "Unknown option '--frobnicate'")]
    [InlineData(new[] { "--limit" }, "Option '--limit' needs a value")]
    public void ABadOrchestratorCommandLine_SaysWhatIsWrong(string[] args, string message)
    {
        Should.Throw<UsageException>(() => FleetOptions.Parse(args)).Message.ShouldContain(message);
    }

    [Fact]
    public void AWorker_NeedsTheSandbox_TheBudget_AndRedisForTheSharedOne()
    {
        Should.Throw<UsageException>(() => WorkerOptions.Parse(["--budget", "none"])).Message.ShouldContain("'--sandbox'");
        Should.Throw<UsageException>(() => WorkerOptions.Parse(["--sandbox", "http://127.0.0.1:1/plexypay/"])).Message.ShouldContain("'--budget' is required");
        Should.Throw<UsageException>(() => WorkerOptions.Parse(["--sandbox", "http://127.0.0.1:1/plexypay/", "--budget", "shared"])).Message.ShouldContain("'--redis HOST:PORT'");

        var worker = WorkerOptions.Parse(["--sandbox", "http://127.0.0.1:1/plexypay", "--budget", "shared", "--redis", "127.0.0.1:6379", "--worker", "2"]);
        worker.Sandbox.AbsoluteUri.ShouldBe("http://127.0.0.1:1/plexypay/");
        (worker.Budget, worker.Redis, worker.Worker, worker.Key).ShouldBe((BudgetMode.Shared, "127.0.0.1:6379", 2, "plexypay:fleet-merchant"));
    }

    [Fact]
    public async Task Help_PrintsTheUsage_AndExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await FleetApp.RunAsync(["--help"], output, error, CancellationToken.None);

        code.ShouldBe(ExitCodes.Success);
        output.ToString().ShouldContain("--runs LIST");
    }

    [Fact]
    public async Task ABadCommandLine_ExitsWithTheUsageCode()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await FleetApp.RunAsync(["--payments", "many"], output, error, CancellationToken.None);

        code.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("'--payments' must be a whole number");
    }
}
