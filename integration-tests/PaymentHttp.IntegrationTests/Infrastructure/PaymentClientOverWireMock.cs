using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// A PaymentHttp client registered the way users register it (<c>AddPaymentProviderClient</c>, default primary
/// handler, real sockets), pointed at a test server (WireMock.Net, or the raw socket server for faults). Test defaults: two retries without backoff waits, a 10 s attempt
/// timeout, and a circuit breaker that needs 100 attempts to act unless a test lowers it.
/// </summary>
public sealed class PaymentClientOverWireMock : IDisposable
{
    public const int DefaultMaxRetryAttempts = 2;
    private const string ClientName = "wiremock-provider";

    private readonly ServiceProvider _services;

    private PaymentClientOverWireMock(ServiceProvider services)
    {
        _services = services;
        Http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    public HttpClient Http { get; }

    public static PaymentClientOverWireMock Create(
        Uri wireMockAddress,
        PaymentProvider provider,
        Action<PaymentProviderClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient(ClientName, provider, options =>
        {
            options.BaseAddress = wireMockAddress;
            options.Retry.MaxRetryAttempts = DefaultMaxRetryAttempts;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.UseJitter = false;
            options.CircuitBreaker.MinimumThroughput = 100;
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
            configure?.Invoke(options);
        });
        return new PaymentClientOverWireMock(services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="urlPath"/> (a path on the server); a POST carries a small JSON payment body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string urlPath)
    {
        using var request = new HttpRequestMessage(method, urlPath.TrimStart('/'));
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{"merchantRefNum":"order-1001","amount":2500,"currencyCode":"EUR"}""", Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string urlPath) => SendAsync(HttpMethod.Post, urlPath);

    public Task<HttpResponseMessage> GetAsync(string urlPath) => SendAsync(HttpMethod.Get, urlPath);

    public void Dispose()
    {
        Http.Dispose();
        _services.Dispose();
    }
}
