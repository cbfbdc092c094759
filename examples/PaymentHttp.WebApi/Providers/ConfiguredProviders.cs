namespace PaymentHttp.WebApi.Providers;

/// <summary>
/// The providers this deployment has a PaymentHttp client for. A request naming any other is refused before a client
/// is created: <c>IHttpClientFactory</c> would otherwise hand out a plain HttpClient without PaymentHttp's handlers.
/// </summary>
internal sealed class ConfiguredProviders
{
    private readonly HashSet<PaymentProvider> _providers;

    public ConfiguredProviders(IEnumerable<PaymentProvider> providers)
    {
        _providers = [.. providers];
    }

    public IReadOnlyCollection<PaymentProvider> All => _providers;

    /// <summary>Finds a configured provider by name, ignoring case; numbers are not names.</summary>
    public bool TryFind(string? name, out PaymentProvider provider)
    {
        foreach (var candidate in _providers)
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                provider = candidate;
                return true;
            }
        }

        provider = default;
        return false;
    }
}
