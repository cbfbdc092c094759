using System.Globalization;

namespace PaymentHttp.Fleet.CommandLine;

/// <summary>Reads <c>--name value</c> pairs; every value is checked, and an unknown name is an error.</summary>
internal static class ArgumentReader
{
    public static Dictionary<string, string> Pairs(ReadOnlySpan<string> args, IReadOnlySet<string> known, IReadOnlySet<string> flags)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!known.Contains(name) && !flags.Contains(name))
            {
                throw new UsageException($"Unknown option '{name}'.");
            }

            if (flags.Contains(name))
            {
                pairs[name] = "true";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new UsageException($"Option '{name}' needs a value.");
            }

            pairs[name] = args[++i];
        }

        return pairs;
    }

    public static int Int(Dictionary<string, string> pairs, string name, int fallback, int min, int max)
    {
        if (!pairs.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"Option '{name}' must be a whole number between {min} and {max} (was '{text}').");
        }

        return value;
    }

    public static BudgetMode Budget(string text) => text switch
    {
        "shared" => BudgetMode.Shared,
        "local" => BudgetMode.Local,
        "none" => BudgetMode.None,
        _ => throw new UsageException($"Option '--budget' must be shared, local or none (was '{text}')."),
    };
}
