using Microsoft.AspNetCore.Http;

namespace PaymentHttp.Testing;

/// <summary>Finds the provider simulator of a request by the first segment of its path.</summary>
internal sealed class SandboxRouter
{
    private readonly ProviderSimulator[] _simulators;

    public SandboxRouter(IEnumerable<ProviderSimulator> simulators)
    {
        _simulators = [.. simulators.OrderBy(simulator => simulator.Provider)];
    }

    public ProviderSimulator For(PaymentProvider provider) => _simulators[(int)provider];

    /// <summary>The simulator whose prefix starts the path, and the rest of the path below it.</summary>
    public bool TryMatch(PathString path, out ProviderSimulator simulator, out string rest)
    {
        foreach (var candidate in _simulators)
        {
            if (path.StartsWithSegments("/" + candidate.PathPrefix, StringComparison.Ordinal, out var remaining))
            {
                simulator = candidate;
                rest = remaining.Value ?? string.Empty;
                return true;
            }
        }

        simulator = null!;
        rest = string.Empty;
        return false;
    }
}
