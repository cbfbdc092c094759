using Microsoft.Extensions.DependencyInjection;

namespace PaymentHttp;

/// <summary>
/// The PaymentHttp clients registered in one service collection, by name, so that registering a name twice fails
/// at once with a clear message, and add-ons (PagarStar encryption) can check what they are added to.
/// </summary>
internal sealed class PaymentClientNames
{
    private readonly Dictionary<string, PaymentProvider?> _clients = new(StringComparer.Ordinal);

    /// <summary>Returns the instance kept in <paramref name="services"/>, adding it on first use.</summary>
    public static PaymentClientNames In(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(PaymentClientNames) && descriptor.ImplementationInstance is PaymentClientNames names)
            {
                return names;
            }
        }

        var created = new PaymentClientNames();
        services.AddSingleton(created);
        return created;
    }

    public void Add(string name, PaymentProvider? provider)
    {
        if (!_clients.TryAdd(name, provider))
        {
            throw new InvalidOperationException(
                $"PaymentHttp handlers are already registered for the HttpClient '{name}'. Register each payment provider client once.");
        }
    }

    /// <summary>Whether PaymentHttp handlers were registered for the name, and for which provider.</summary>
    public bool TryGetProvider(string name, out PaymentProvider? provider) => _clients.TryGetValue(name, out provider);
}
