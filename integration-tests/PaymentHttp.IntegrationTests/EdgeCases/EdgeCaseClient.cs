using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.EdgeCases;

/// <summary>
/// One PaymentHttp client over real sockets to a <see cref="RawHttpServer"/> on 127.0.0.1, registered the way users
/// register it (SocketsHttpHandler as the primary handler): 3 retries, no backoff wait, a 1 s MaxDelay, so a
/// retried call shows as more than one request reaching the server and a long wait is returned, not slept.
/// </summary>
internal sealed class EdgeCaseClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EdgeCaseClient(RawHttpServer server, ServiceProvider services, HttpClient client)
    {
        Server = server;
        _services = services;
        Client = client;
    }

    public RawHttpServer Server { get; }

    public HttpClient Client { get; }

    public static EdgeCaseClient Start(PaymentProvider provider, Action<PaymentProviderClientOptions>? configure = null)
    {
        var server = RawHttpServer.Start();
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("edge", provider, options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.Retry.MaxRetryAttempts = 3;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            options.CircuitBreaker.Enabled = false;
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(20);
            configure?.Invoke(options);
        });
        var provided = services.BuildServiceProvider(validateScopes: true);
        return new EdgeCaseClient(server, provided, provided.GetRequiredService<IHttpClientFactory>().CreateClient("edge"));
    }

    /// <summary>Scripts <paramref name="response"/> and POSTs a payment to it; every attempt gets the same bytes.</summary>
    public async Task<(RawExchange Exchange, Exception? Failure)> PostAsync(RawResponse response, Action<HttpRequestMessage>? configure = null)
    {
        var exchange = Server.Add("edge", response);
        using var request = new HttpRequestMessage(HttpMethod.Post, RawHttpServer.PathOf(exchange))
        {
            Content = new StringContent("""{"amount":100,"reference":"edge-1"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        configure?.Invoke(request);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            using var answer = await Client.SendAsync(request, bound.Token);
            return (exchange, null);
        }
        catch (Exception exception) when (!bound.IsCancellationRequested)
        {
            return (exchange, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
