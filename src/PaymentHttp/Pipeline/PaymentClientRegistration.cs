using Microsoft.Extensions.DependencyInjection;

namespace PaymentHttp;

/// <summary>
/// What a named client was registered for: its provider and classifier. Kept in the service collection as a keyed
/// singleton (the key is the client's name), so that a second registration of the name fails at once and add-ons
/// (PagarStar encryption) can check what they are added to, before any service provider exists.
/// </summary>
internal sealed class PaymentClientRegistration
{
    public PaymentClientRegistration(string name, PaymentProvider? provider, PaymentErrorClassifier classifier)
    {
        Name = name;
        Provider = provider;
        Classifier = classifier;
    }

    public string Name { get; }

    public PaymentProvider? Provider { get; }

    public PaymentErrorClassifier Classifier { get; }

    /// <summary>
    /// Gets where the client's fixed secret values come from (the PagarStar safecode and transaction secret, added by
    /// <c>AddPagarStarEncryption</c>): read once, when the client is first used, and redacted by value.
    /// </summary>
    public List<Func<IServiceProvider, IEnumerable<string?>>> SecretSources { get; } = [];

    /// <summary>The Polly registry key of the client's pipeline, in Microsoft.Extensions.Http.Resilience's <c>{client}-{pipeline}</c> form.</summary>
    public string PipelineKey => PipelineKeyFor(Name);

    public static string PipelineKeyFor(string name) => name + "-paymenthttp";

    /// <summary>Returns the registration of <paramref name="name"/> in <paramref name="services"/>, or <see langword="null"/>.</summary>
    public static PaymentClientRegistration? Find(IServiceCollection services, string name)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.IsKeyedService
                && descriptor.ServiceType == typeof(PaymentClientRegistration)
                && descriptor.ServiceKey is string key
                && string.Equals(key, name, StringComparison.Ordinal))
            {
                return (PaymentClientRegistration?)descriptor.KeyedImplementationInstance;
            }
        }

        return null;
    }
}
