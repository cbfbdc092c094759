using Microsoft.Extensions.DependencyInjection;

namespace PaymentHttp.Tests.TestUtilities;

/// <summary>
/// A real PaymentHttp client, registered the way users register it, over a scripted primary handler and a fake
/// clock. Test defaults: no backoff wait, no jitter, a circuit breaker that needs 100 attempts to act.
/// </summary>
public sealed class PaymentClientHarness : IDisposable
{
    public const string ClientName = "provider";

    private PaymentClientHarness(ServiceProvider services, ScriptedHandler primary, TimerObservingTimeProvider time)
    {
        Services = services;
        Primary = primary;
        Time = time;
        Client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    public ServiceProvider Services { get; }

    public ScriptedHandler Primary { get; }

    public TimerObservingTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static PaymentClientHarness Create(
        PaymentProvider provider = PaymentProvider.Plutu,
        Action<PaymentProviderClientOptions>? configure = null,
        Action<IServiceCollection>? services = null) =>
        Build(services, builder => builder.AddPaymentProviderHandlers(provider, WithTestDefaults(configure)));

    /// <summary>A client for a provider PaymentHttp does not know, classified by <paramref name="classifier"/>.</summary>
    public static PaymentClientHarness CreateCustom(
        PaymentErrorClassifier classifier,
        Action<PaymentProviderClientOptions>? configure = null,
        Action<IServiceCollection>? services = null) =>
        Build(services, builder => builder.AddPaymentProviderHandlers(classifier, WithTestDefaults(configure)));

    private static PaymentClientHarness Build(Action<IServiceCollection>? services, Action<IHttpClientBuilder> addHandlers)
    {
        var time = new TimerObservingTimeProvider();
        var primary = new ScriptedHandler();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        services?.Invoke(collection);
        var builder = collection.AddHttpClient(ClientName);
        addHandlers(builder);
        builder.ConfigurePrimaryHttpMessageHandler(() => primary);
        return new PaymentClientHarness(collection.BuildServiceProvider(validateScopes: true), primary, time);
    }

    private static Action<PaymentProviderClientOptions> WithTestDefaults(Action<PaymentProviderClientOptions>? configure) => options =>
    {
        options.BaseAddress = new Uri("http://provider.test/");
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
        options.CircuitBreaker.MinimumThroughput = 100;
        configure?.Invoke(options);
    };

    public Task<HttpResponseMessage> PostAsync(string path = "payments", string body = """{"amount":100}""") =>
        Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetAsync(string path = "payments/1") => Client.GetAsync(path);

    public void Dispose()
    {
        Client.Dispose();
        Services.Dispose();
    }
}
