using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaymentHttp;
using Polly;
using Polly.Registry;

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
        if (PaymentClientRegistration.Find(services, name) is not null)
        {
            throw new InvalidOperationException(
                $"PaymentHttp handlers are already registered for the HttpClient '{name}'. Register each payment provider client once.");
        }

        var registration = new PaymentClientRegistration(name, provider, classifier);
        services.AddKeyedSingleton(name, registration);
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

        // The one per-client object, keyed by the client's name, built from its options when first used.
        services.AddKeyedSingleton(name, static (serviceProvider, key) => new PaymentClientRuntime(
            serviceProvider.GetRequiredKeyedService<PaymentClientRegistration>(key),
            serviceProvider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>().Get((string)key!),
            serviceProvider.GetRequiredService<ResiliencePipelineProvider<string>>(),
            serviceProvider.GetRequiredKeyedService<PaymentClientRegistration>(key).SecretSources.SelectMany(source => source(serviceProvider)),
            serviceProvider.GetRequiredService<PaymentRateBudget>(),
            serviceProvider.GetService<TimeProvider>() ?? TimeProvider.System,
            serviceProvider.GetRequiredService<PaymentJitter>(),
            serviceProvider.GetRequiredService<PaymentHttpTelemetry>(),
            serviceProvider.GetService<ILoggerFactory>()?.CreateLogger(PaymentHttpTelemetry.Name) ?? NullLogger.Instance));

        // The client's strategies live in Polly's registry, keyed like Microsoft.Extensions.Http.Resilience keys
        // its pipelines ("{client}-{pipeline}"): Polly's resilience.polly.* telemetry, with Microsoft's
        // enrichment, names them; a valid options reload rebuilds them (an invalid one is refused and logged).
        services.AddResiliencePipeline<string, HttpResponseMessage>(registration.PipelineKey, (pipeline, context) =>
        {
            var runtime = context.ServiceProvider.GetRequiredKeyedService<PaymentClientRuntime>(name);
            var settings = runtime.Apply(context.GetOptions<PaymentProviderClientOptions>(name));
            context.EnableReloads<PaymentProviderClientOptions>(name);
            PaymentPipelineFactory.Configure(pipeline, runtime, settings);
        });

        builder.ConfigureHttpClient((serviceProvider, client) =>
        {
            if (RuntimeOf(serviceProvider, name).Settings.BaseAddress is { } baseAddress)
            {
                client.BaseAddress = baseAddress;
            }

            client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline owns timeouts
        });

        // Added outer to inner: resilience with typed exceptions at its edge → per-attempt classification.
        builder.AddHttpMessageHandler(serviceProvider => new PaymentResilienceHandler(RuntimeOf(serviceProvider, name)));
        builder.AddHttpMessageHandler(serviceProvider => new ClassificationHandler(RuntimeOf(serviceProvider, name)));

        // The HttpClient factory's own loggers write every request and response header at Trace — credentials going
        // out, whatever a provider echoes coming back — and hand the raw values to structured logging as state even
        // when the message redacts them. A payment client does not use them; PaymentHttp logs its own events. Should a
        // user add them back (AddDefaultLogger), the message at least shows header names only.
        builder.RemoveAllLoggers();
        builder.RedactLoggedHeaders(static _ => true);

        // Last, after whatever else configures this client: no redirects, no second resilience layer.
        PaymentHandlerChain.Register(services, name);
        return builder;
    }

    private static PaymentClientRuntime RuntimeOf(IServiceProvider serviceProvider, string name) =>
        serviceProvider.GetRequiredKeyedService<PaymentClientRuntime>(name);

    private static void AddSharedServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentProviderClientOptions>, PaymentProviderClientOptionsValidator>());
        services.AddMetrics();
        services.AddResilienceEnricher();
        services.TryAddSingleton(PaymentJitter.Shared);
        services.TryAddSingleton<PaymentHandlerChain>();
        services.TryAddSingleton<PaymentRateBudget>(serviceProvider => new LocalPaymentRateBudget(serviceProvider.GetService<TimeProvider>()));
        services.TryAddSingleton(serviceProvider => new PaymentHttpTelemetry(serviceProvider.GetService<IMeterFactory>()));
    }
}
