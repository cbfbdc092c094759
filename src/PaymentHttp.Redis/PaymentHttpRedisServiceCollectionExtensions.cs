using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentHttp;
using PaymentHttp.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis rate budget of PaymentHttp.</summary>
public static class PaymentHttpRedisServiceCollectionExtensions
{
    /// <summary>
    /// Makes every PaymentHttp client's rate budget and back-off shared through Redis, using the application's
    /// <see cref="IConnectionMultiplexer"/> from the container (register it yourself, with bounded
    /// <c>ConnectTimeout</c> and <c>AbortOnConnectFail = false</c>). Replaces the in-process default whether it is
    /// called before or after the clients are added. Clients still need <c>RateLimit.Enabled = true</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the key prefix, command timeout and probe interval; validated at start-up.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPaymentHttpRedisRateBudget(
        this IServiceCollection services,
        Action<RedisPaymentRateBudgetOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisPaymentRateBudgetOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisPaymentRateBudgetOptions>, RedisPaymentRateBudgetOptionsValidator>());
        services.RemoveAll<PaymentRateBudget>();
        services.AddSingleton<PaymentRateBudget>(serviceProvider => new RedisPaymentRateBudget(
            serviceProvider.GetRequiredService<IConnectionMultiplexer>(),
            serviceProvider.GetRequiredService<IOptions<RedisPaymentRateBudgetOptions>>().Value,
            serviceProvider.GetService<ILogger<RedisPaymentRateBudget>>(),
            serviceProvider.GetService<TimeProvider>()));
        return services;
    }
}
