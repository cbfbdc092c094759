using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PaymentHttp;

/// <summary>
/// The last step of building a payment client's handlers, registered with <c>PostConfigure</c> so that it runs
/// after every <c>Configure</c> — whatever the order in which the user, <c>ConfigureHttpClientDefaults</c> and
/// PaymentHttp registered theirs: redirects off on the primary handler, generic resilience handlers removed (logged
/// once per client name, not on every handler rotation).
/// </summary>
internal sealed class PaymentHandlerChain
{
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    /// <summary>Appends the final handler-builder action to the named client's factory options.</summary>
    public static void Register(IServiceCollection services, string name) =>
        services.PostConfigure<HttpClientFactoryOptions>(name, options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => Enforce(builder, name)));

    private static void Enforce(HttpMessageHandlerBuilder builder, string name)
    {
        PrimaryHandlerRedirects.SwitchOff(builder.PrimaryHandler, name);

        var services = builder.Services;
        var settings = services.GetRequiredKeyedService<PaymentClientRuntime>(name).Settings;
        var paymentHttpResilienceOff = settings.MaxRetryAttempts == 0 && !settings.CircuitBreakerEnabled;
        var removed = ForeignResilienceHandlers.Remove(builder.AdditionalHandlers, keepOutside: paymentHttpResilienceOff);
        if (removed.Count > 0 && services.GetRequiredService<PaymentHandlerChain>()._warned.TryAdd(name, true))
        {
            var logger = services.GetService<ILoggerFactory>()?.CreateLogger(PaymentHttpTelemetry.Name) ?? NullLogger.Instance;
            HandlerChainLog.RemovedResilienceHandlers(logger, name, string.Join(", ", removed));
        }
    }
}
