using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace PaymentHttp.Redis.Tests;

/// <summary>One "instance": its own container, its own Redis connection, a PaymentHttp client with a shared budget.</summary>
public sealed class FleetClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FleetClient(ServiceProvider services, IConnectionMultiplexer redis, RecordingProvider provider)
    {
        _services = services;
        Redis = redis;
        Provider = provider;
        Client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");
        Budget = (RedisPaymentRateBudget)services.GetRequiredService<PaymentRateBudget>();
    }

    public HttpClient Client { get; }

    public RecordingProvider Provider { get; }

    public IConnectionMultiplexer Redis { get; }

    public RedisPaymentRateBudget Budget { get; }

    public static FleetClient Create(
        IConnectionMultiplexer redis,
        RecordingProvider provider,
        string key,
        Action<PaymentProviderClientOptions>? configure = null,
        Action<RedisPaymentRateBudgetOptions>? redisOptions = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(redis);
        services.AddPaymentHttpRedisRateBudget(redisOptions);
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o =>
        {
            o.BaseAddress = new Uri("http://provider.test/");
            o.Retry.MaxRetryAttempts = 0;
            o.RateLimit.Enabled = true;
            o.RateLimit.PermitsPerPeriod = 1000;
            o.RateLimit.MaxWait = TimeSpan.Zero;
            o.RateLimit.Key = key;
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => provider);
        return new FleetClient(services.BuildServiceProvider(validateScopes: true), redis, provider);
    }

    public async Task<HttpResponseMessage> PayAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "transaction/confirm") { Content = new StringContent("{}") };
        request.Headers.Add("X-Payment-Id", id);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _services.DisposeAsync();
    }
}
