using PaymentHttp.Demo.Scenarios;

namespace PaymentHttp.Demo.CommandLine;

/// <summary>The demo's command line: which providers and scenarios to play, or the help text, or what was wrong.</summary>
internal sealed class DemoOptions
{
    public static readonly string Usage = $"""
        Plays payment scenarios against PaymentHttp's in-process provider sandbox and checks that each behaves as expected.

        Usage: dotnet run --project examples/PaymentHttp.Demo -- [options]
               (the options go after "--"; before it they are dotnet run's own)
        Example: dotnet run --project examples/PaymentHttp.Demo -- --provider Paysafe --scenario timeout

        Options:
          --provider <name>   Only this provider: {string.Join(", ", Enum.GetNames<PaymentProvider>())}
          --scenario <name>   Only this scenario: {string.Join(", ", ScenarioCatalog.All.Select(scenario => scenario.Name))}
          -h, --help          Show this help.

        Scenarios:
        {string.Join(Environment.NewLine, ScenarioCatalog.All.Select(scenario => $"  {scenario.Name,-12}{scenario.Description}"))}

        Exit code: 0 when every scenario behaved as expected and nothing was charged twice, 1 otherwise, 2 for a bad command line.

        """;

    private DemoOptions(IReadOnlyList<PaymentProvider> providers, IReadOnlyList<Scenario> scenarios, bool showHelp, string? error)
    {
        Providers = providers;
        Scenarios = scenarios;
        ShowHelp = showHelp;
        Error = error;
    }

    public IReadOnlyList<PaymentProvider> Providers { get; }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public bool ShowHelp { get; }

    /// <summary>Gets what was wrong with the command line, or <see langword="null"/>.</summary>
    public string? Error { get; }

    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? provider = null;
        string? scenario = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return new DemoOptions([], [], showHelp: true, error: null);
                case "--provider" or "--scenario":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Failed($"Option {name} needs a value.");
                    }

                    if ((name == "--provider" ? provider : scenario) is not null)
                    {
                        return Failed($"Option {name} is given twice.");
                    }

                    if (name == "--provider")
                    {
                        provider = value;
                    }
                    else
                    {
                        scenario = value;
                    }

                    break;
                default:
                    return Failed($"Unknown option '{args[i]}'.");
            }
        }

        return Resolve(provider, scenario);
    }

    private static DemoOptions Resolve(string? providerName, string? scenarioName)
    {
        IReadOnlyList<PaymentProvider> providers = Enum.GetValues<PaymentProvider>();
        if (providerName is not null)
        {
            // Enum.TryParse would also accept numbers ("2"); only the names are options.
            var match = Enum.GetNames<PaymentProvider>().FirstOrDefault(name => string.Equals(name, providerName, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return Failed($"Unknown provider '{providerName}'. Choose one of: {string.Join(", ", Enum.GetNames<PaymentProvider>())}.");
            }

            providers = [Enum.Parse<PaymentProvider>(match)];
        }

        IReadOnlyList<Scenario> scenarios = ScenarioCatalog.All;
        if (scenarioName is not null)
        {
            var match = ScenarioCatalog.Find(scenarioName);
            if (match is null)
            {
                return Failed($"Unknown scenario '{scenarioName}'. Choose one of: {string.Join(", ", ScenarioCatalog.All.Select(scenario => scenario.Name))}.");
            }

            scenarios = [match];
        }

        return new DemoOptions(providers, scenarios, showHelp: false, error: null);
    }

    /// <summary>Splits <c>--name=value</c>; a plain <c>--name</c> has no inline value.</summary>
    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static DemoOptions Failed(string error) => new([], [], showHelp: false, error);
}
