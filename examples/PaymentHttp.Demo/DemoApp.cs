using PaymentHttp.Demo.CommandLine;
using PaymentHttp.Demo.Hosting;
using PaymentHttp.Demo.Output;
using PaymentHttp.Demo.Scenarios;
using Spectre.Console;

namespace PaymentHttp.Demo;

/// <summary>
/// The demo: starts the provider sandbox, plays every scenario against every provider through real HTTP, prints
/// what happened and says whether each scenario behaved as expected. <see cref="RunAsync"/> is the whole program,
/// so a test can run it in-process.
/// </summary>
public static class DemoApp
{
    /// <summary>Runs the demo.</summary>
    /// <param name="args">The command line (see <c>--help</c>).</param>
    /// <param name="output">Where the results go.</param>
    /// <param name="errors">Where usage errors go; <paramref name="output"/> when not given.</param>
    /// <returns>The exit code: 0 when every scenario behaved as expected, 1 when one did not, 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter? errors = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        errors ??= output;

        var options = DemoOptions.Parse(args);
        if (options.Error is { } error)
        {
            await errors.WriteLineAsync(error);
            await errors.WriteLineAsync("See the options: dotnet run --project examples/PaymentHttp.Demo -- --help");
            return ExitCodes.Usage;
        }

        if (options.ShowHelp)
        {
            await output.WriteAsync(DemoOptions.Usage);
            return ExitCodes.Success;
        }

        var console = DemoConsole.Create(output);
        await using var host = await DemoHost.StartAsync();
        console.WriteLine($"Provider sandbox listening on {host.SandboxRoot}; PaymentHttp clients bound from appsettings.json.");
        console.WriteLine();

        var results = await ScenarioRunner.RunAsync(host, options.Providers, options.Scenarios);
        var duplicates = host.DuplicateCharges();

        ResultsTable.Write(console, results);
        var behaved = results.Count(result => result.AsExpected);
        var success = behaved == results.Count && duplicates == 0;
        console.WriteLine();
        console.Write(ResultsTable.Summary(behaved, results.Count, duplicates, success));
        console.WriteLine(); // after the styled text, so that the style ends on the summary's own line
        return success ? ExitCodes.Success : ExitCodes.Misbehaved;
    }
}
