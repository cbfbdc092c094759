using System.Text.RegularExpressions;

namespace PaymentHttp.Demo.Tests;

/// <summary>The demo as CI runs it: in-process, output redirected to a writer, no terminal.</summary>
public sealed class DemoAppTests
{
    [Fact]
    public async Task RunAsync_EveryProviderAndScenario_ExitsZeroWithTheSummary()
    {
        var (exitCode, output) = await RunAsync();

        exitCode.ShouldBe(0, output);
        output.ShouldContain("25/25 scenarios behaved as expected, 0 duplicate charges");
        foreach (var provider in Enum.GetNames<PaymentProvider>())
        {
            var rows = TableRows(output, provider);
            rows.Count.ShouldBe(5, output);
            rows.ShouldAllBe(row => Regex.IsMatch(row, @"\byes\W*$"));
        }

        output.ShouldNotContain("\u001b", customMessage: "redirected output must carry no ANSI escape codes");
    }

    [Fact]
    public async Task RunAsync_OneProviderAndScenario_RunsOnlyThatRow()
    {
        var (exitCode, output) = await RunAsync("--provider", "Paysafe", "--scenario", "decline");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("1/1 scenarios behaved as expected, 0 duplicate charges");
        var row = TableRows(output, "Paysafe").ShouldHaveSingleItem();
        row.ShouldContain("decline");
        row.ShouldContain("ProviderDeclinedException");
        row.ShouldContain("declined (3009), not charged");
        TableRows(output, "Plutu").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_NamesAreCaseInsensitiveAndTakeEqualsSigns()
    {
        var (exitCode, output) = await RunAsync("--provider=plexypay", "--scenario=APPROVED");

        exitCode.ShouldBe(0, output);
        TableRows(output, "PlexyPay").ShouldHaveSingleItem().ShouldContain("approved, charged once");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_ExitsZeroWithTheOptionsAndScenarios(string option)
    {
        var (exitCode, output) = await RunAsync(option);

        exitCode.ShouldBe(0);
        output.ShouldContain("dotnet run --project examples/PaymentHttp.Demo -- [options]");
        output.ShouldContain("--provider <name>");
        output.ShouldContain("--scenario <name>");
        foreach (var scenario in new[] { "approved", "decline", "rate-limit", "outage", "timeout" })
        {
            output.ShouldContain(scenario);
        }

        output.ShouldNotContain("sandbox listening"); // help starts nothing
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'.")]
    [InlineData(new[] { "Paysafe" }, "Unknown option 'Paysafe'.")]
    [InlineData(new[] { "--provider", "Stripe" }, "Unknown provider 'Stripe'. Choose one of: Plutu, PlexyPay, Paysafe, MakeCommerce, PagarStar.")]
    [InlineData(new[] { "--provider", "2" }, "Unknown provider '2'.")]
    [InlineData(new[] { "--scenario", "refund" }, "Unknown scenario 'refund'. Choose one of: approved, decline, rate-limit, outage, timeout.")]
    [InlineData(new[] { "--scenario" }, "Option --scenario needs a value.")]
    [InlineData(new[] { "--provider", "Plutu", "--provider", "Paysafe" }, "Option --provider is given twice.")]
    public async Task RunAsync_BadCommandLine_ExitsTwoWithAClearMessage(string[] args, string message)
    {
        var (exitCode, output) = await RunAsync(args);

        exitCode.ShouldBe(2);
        output.ShouldContain(message);
        output.ShouldContain("dotnet run --project examples/PaymentHttp.Demo -- --help"); // as it must be typed
        output.ShouldNotContain("sandbox listening");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await DemoApp.RunAsync(args, output);
        return (exitCode, output.ToString());
    }

    /// <summary>The table's data rows of one provider (the first cell holds the provider's name).</summary>
    private static List<string> TableRows(string output, string provider) =>
        [.. output.Split('\n').Where(line => Regex.IsMatch(line, $@"^\W+{provider}\s"))];
}
