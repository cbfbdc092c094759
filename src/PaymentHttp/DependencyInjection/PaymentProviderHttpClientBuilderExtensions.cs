using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaymentHttp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds PaymentHttp's handlers to an existing <see cref="IHttpClientBuilder"/>.
/// </summary>
public static class PaymentProviderHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds PaymentHttp's handlers for a built-in provider to the client: typed exceptions for provider failures,
    /// money-safe retries, a circuit breaker and timeouts. The client's <see cref="HttpClient.Timeout"/> is set to
    /// infinite because the pipeline owns timeouts.
    /// </summary>
    /// <param name="builder">The HttpClient builder.</param>
    /// <param name="provider">The provider the client talks to.</param>
    /// <param name="configure">Sets the client's options; they are validated at start-up.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InvalidOperationException">PaymentHttp handlers are already registered for this client.</exception>
    public static IHttpClientBuilder AddPaymentProviderHandlers(
        this IHttpClientBuilder builder,
        PaymentProvider provider,
        Action<PaymentProviderClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var classifier = ProviderCatalog.ClassifierFor(provider);
        var idempotencyKeyHeader = ProviderCatalog.IdempotencyKeyHeaderFor(provider);
        return AddCore(builder, provider, classifier, options => options.IdempotencyKeyHeader ??= idempotencyKeyHeader, configure);
    }

    /// <summary>
    /// Adds PaymentHttp's handlers for a provider PaymentHttp does not know, classified by your own
    /// <paramref name="classifier"/>. Errors from this client have <see cref="ProviderError.Provider"/> set to
    /// <see langword="null"/>.
    /// </summary>
    /// <param name="builder">The HttpClient builder.</param>
    /// <param name="classifier">Turns the provider's responses into <see cref="ProviderError"/>s.</param>
    /// <param name="configure">Sets the client's options; they are validated at start-up.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InvalidOperationException">PaymentHttp handlers are already registered for this client.</exception>
    public static IHttpClientBuilder AddPaymentProviderHandlers(
        this IHttpClientBuilder builder,
        PaymentErrorClassifier classifier,
        Action<PaymentProviderClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(classifier);
        return AddCore(builder, provider: null, classifier, providerDefaults: null, configure);
    }

    private static IHttpClientBuilder AddCore(
        IHttpClientBuilder builder,
        PaymentProvider? provider,
        PaymentErrorClassifier classifier,
        Action<PaymentProviderClientOptions>? providerDefaults,
        Action<PaymentProviderClientOptions>? configure)
    {
        var services = builder.Services;
        var name = builder.Name;
        PaymentClientNames.In(services).Add(name, provider);
        AddSharedServices(services);

        var options = services.AddOptions<PaymentProviderClientOptions>(name);
        if (providerDefaults is not null)
        {
            options.Configure(providerDefaults);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        // An empty header name (the only "null" configuration can express) turns the provider's default off.
        options.PostConfigure(o => o.IdempotencyKeyHeader = string.IsNullOrEmpty(o.IdempotencyKeyHeader) ? null : o.IdempotencyKeyHeader);
        options.ValidateOnStart();
        services.Configure<PaymentClientRegistration>(name, registration => registration.Set(provider, classifier));

        builder.ConfigureHttpClient((serviceProvider, client) =>
        {
            var clientOptions = serviceProvider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>().Get(name);
            if (clientOptions.BaseAddress is { } baseAddress)
            {
                client.BaseAddress = baseAddress;
            }

            client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline owns timeouts
        });

        // Added outer to inner: resilience with typed exceptions at its edge → per-attempt classification.
        builder.AddHttpMessageHandler(serviceProvider => new PaymentResilienceHandler(RuntimeOf(serviceProvider, name)));
        builder.AddHttpMessageHandler(serviceProvider => new ClassificationHandler(RuntimeOf(serviceProvider, name)));
        return builder;
    }

    private static PaymentClientRuntime RuntimeOf(IServiceProvider serviceProvider, string name) =>
        serviceProvider.GetRequiredService<PaymentClientRegistry>().Get(name);

    private static void AddSharedServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentProviderClientOptions>, PaymentProviderClientOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(PaymentJitter.Shared);
        services.TryAddSingleton<PaymentRateBudget>(serviceProvider => new LocalPaymentRateBudget(serviceProvider.GetService<TimeProvider>()));
        services.TryAddSingleton(serviceProvider => new PaymentHttpTelemetry(serviceProvider.GetService<IMeterFactory>()));
        services.TryAddSingleton(serviceProvider => new PaymentClientRegistry(
            serviceProvider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>(),
            serviceProvider.GetRequiredService<IOptionsMonitor<PaymentClientRegistration>>(),
            serviceProvider.GetRequiredService<PaymentJitter>(),
            serviceProvider.GetRequiredService<PaymentHttpTelemetry>(),
            serviceProvider.GetService<ILoggerFactory>()?.CreateLogger(PaymentHttpTelemetry.Name) ?? NullLogger.Instance,
            serviceProvider.GetService<TimeProvider>(),
            serviceProvider.GetRequiredService<PaymentRateBudget>()));
    }
}
