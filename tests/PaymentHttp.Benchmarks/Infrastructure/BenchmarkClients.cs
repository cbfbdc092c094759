using Microsoft.Extensions.DependencyInjection;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// Builds the clients the benchmarks compare, each the way its user would build it: a bare <see cref="HttpClient"/>,
/// and named clients from <see cref="IHttpClientFactory"/> with nothing, a hand-wired Polly handler, or PaymentHttp's
/// handlers (<c>AddPaymentProviderClient</c> with default options). Resolve each client once, in a global setup.
/// </summary>
/// <remarks>
/// Every client has <see cref="HttpClient.Timeout"/> set to infinite. PaymentHttp does that itself because its
/// pipeline owns timeouts; a client left at the default 100 s makes <see cref="HttpClient"/> create a linked
/// <see cref="CancellationTokenSource"/> and a timer per request, which would be charged to the baselines only and
/// flatter PaymentHttp. With the same setting everywhere, the differences are the handlers and nothing else.
/// </remarks>
public sealed class BenchmarkClients : IDisposable
{
    private readonly Uri _baseAddress;
    private readonly ServiceCollection _services = new();
    private readonly List<HttpClient> _bareClients = [];
    private ServiceProvider? _provider;

    public BenchmarkClients(Uri baseAddress)
    {
        _baseAddress = baseAddress;
    }

    /// <summary>A bare client straight over <paramref name="primary"/>: no factory, no handlers.</summary>
    public HttpClient Bare(HttpMessageHandler primary)
    {
        var client = new HttpClient(primary) { BaseAddress = _baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _bareClients.Add(client);
        return client;
    }

    /// <summary>A factory client with no handlers of its own: shows what the factory (and its logging handlers) costs.</summary>
    public BenchmarkClients AddFactoryClient(string name, Func<HttpMessageHandler> primary)
    {
        Configure(_services.AddHttpClient(name), primary);
        return this;
    }

    /// <summary>A factory client with <see cref="HandWiredResilienceHandler"/>: what a user writes without PaymentHttp.</summary>
    public BenchmarkClients AddHandWiredPolly(string name, Func<HttpMessageHandler> primary)
    {
        var pipeline = HandWiredResilienceHandler.BuildPipeline();
        Configure(_services.AddHttpClient(name).AddHttpMessageHandler(() => new HandWiredResilienceHandler(pipeline)), primary);
        return this;
    }

    /// <summary>
    /// A PaymentHttp client registered as the README says, with the library's default options unless
    /// <paramref name="configure"/> changes them (decomposition rows only).
    /// </summary>
    public BenchmarkClients AddPaymentHttp(
        string name, PaymentProvider provider, Func<HttpMessageHandler> primary, Action<PaymentProviderClientOptions>? configure = null)
    {
        _services.AddPaymentProviderClient(name, provider, options =>
            {
                options.BaseAddress = _baseAddress;
                configure?.Invoke(options);
            })
            .ConfigurePrimaryHttpMessageHandler(primary);
        return this;
    }

    /// <summary>Resolves a named client; the service provider is built on the first call.</summary>
    public HttpClient Get(string name)
    {
        _provider ??= _services.BuildServiceProvider();
        return _provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
    }

    public void Dispose()
    {
        foreach (var client in _bareClients)
        {
            client.Dispose();
        }

        _provider?.Dispose();
    }

    private void Configure(IHttpClientBuilder builder, Func<HttpMessageHandler> primary) =>
        builder
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = _baseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(primary);
}
