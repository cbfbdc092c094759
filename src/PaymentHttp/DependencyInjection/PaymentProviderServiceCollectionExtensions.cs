using Microsoft.Extensions.Configuration;
using PaymentHttp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers HttpClients for payment providers: one line per provider.
/// </summary>
public static class PaymentProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers a named <see cref="HttpClient"/> for a payment provider, with classified typed exceptions,
    /// money-safe retries and a circuit breaker. Resolve it with <see cref="IHttpClientFactory.CreateClient(string)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the client.</param>
    /// <param name="provider">The provider the client talks to.</param>
    /// <param name="configure">Sets the client's options; they are validated at start-up.</param>
    /// <returns>The HttpClient builder, to configure the client further.</returns>
    /// <exception cref="InvalidOperationException">A PaymentHttp client with this name is already registered.</exception>
    public static IHttpClientBuilder AddPaymentProviderClient(
        this IServiceCollection services,
        string name,
        PaymentProvider provider,
        Action<PaymentProviderClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return services.AddHttpClient(name).AddPaymentProviderHandlers(provider, configure);
    }

    /// <summary>
    /// Registers a named <see cref="HttpClient"/> for a payment provider, binding its options from a configuration
    /// section (for example <c>PaymentProviders:Plutu</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the client.</param>
    /// <param name="provider">The provider the client talks to.</param>
    /// <param name="configuration">The section holding <see cref="PaymentProviderClientOptions"/> values.</param>
    /// <returns>The HttpClient builder, to configure the client further.</returns>
    /// <exception cref="InvalidOperationException">A PaymentHttp client with this name is already registered.</exception>
    public static IHttpClientBuilder AddPaymentProviderClient(
        this IServiceCollection services,
        string name,
        PaymentProvider provider,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddHttpClient(name).AddPaymentProviderHandlers(provider);
        services.AddOptions<PaymentProviderClientOptions>(name).Bind(configuration);
        return builder;
    }

    /// <summary>
    /// Registers a typed client <typeparamref name="TClient"/> whose <see cref="HttpClient"/> talks to a payment
    /// provider. The client's name is the type's name.
    /// </summary>
    /// <typeparam name="TClient">The typed client; it receives the configured <see cref="HttpClient"/> in its constructor.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="provider">The provider the client talks to.</param>
    /// <param name="configure">Sets the client's options; they are validated at start-up.</param>
    /// <returns>The HttpClient builder, to configure the client further.</returns>
    /// <exception cref="InvalidOperationException">A PaymentHttp client with this name is already registered.</exception>
    public static IHttpClientBuilder AddPaymentProviderClient<TClient>(
        this IServiceCollection services,
        PaymentProvider provider,
        Action<PaymentProviderClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHttpClient<TClient>().AddPaymentProviderHandlers(provider, configure);
    }
}
