using Spectre.Console;

namespace PaymentHttp.Demo.Output;

/// <summary>
/// A Spectre console over any <see cref="TextWriter"/>. Colours and styles only on a real terminal (and without
/// <c>NO_COLOR</c>); redirected output — CI logs, a test's StringWriter — gets plain text at a fixed width, and
/// nothing ever prompts.
/// </summary>
internal static class DemoConsole
{
    // Wide enough for the results table in a CI log or a README; a terminal uses its own width.
    private const int RedirectedWidth = 150;

    public static IAnsiConsole Create(TextWriter output)
    {
        var isTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,

            // Spectre's CI enrichers would switch features back on for some CI systems; the rules above decide.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });

        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
