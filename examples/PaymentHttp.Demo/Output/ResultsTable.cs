using System.Globalization;
using PaymentHttp.Demo.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PaymentHttp.Demo.Output;

/// <summary>The results table and the one-line summary under it.</summary>
internal static class ResultsTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ScenarioResult> results)
    {
        var table = new Table()
            .AddColumn("Provider")
            .AddColumn("Scenario")
            .AddColumn(new TableColumn("Attempts").RightAligned())
            .AddColumn("Outcome")
            .AddColumn("Exception")
            .AddColumn(new TableColumn("ms").RightAligned())
            .AddColumn("OK");

        foreach (var result in results)
        {
            var observation = result.Observation;
            table.AddRow(
                new Text(result.Provider.ToString()),
                new Text(result.Scenario),
                new Text(observation.Attempts.ToString(CultureInfo.InvariantCulture)),
                new Text(observation.Outcome),
                new Text(observation.Exception?.GetType().Name ?? "-"),
                new Text(result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)),
                Verdict(result.AsExpected));
        }

        console.Write(table);
    }

    public static IRenderable Summary(int behaved, int total, int duplicates, bool success)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{behaved}/{total} scenarios behaved as expected, {duplicates} duplicate charges");
        return new Text(text, new Style(success ? Color.Green : Color.Red, decoration: Decoration.Bold));
    }

    private static Text Verdict(bool asExpected) =>
        asExpected ? new Text("yes", new Style(Color.Green)) : new Text("NO", new Style(Color.Red, decoration: Decoration.Bold));
}
