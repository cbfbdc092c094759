using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

/// <summary>
/// A PaymentHttp client for one provider, registered exactly as a user registers it, pointed at a sandbox over real
/// sockets on 127.0.0.1. Test defaults: no backoff wait, no jitter, a circuit breaker that needs 100 attempts to
/// act, and timeouts that end a hung test in bounded time.
/// </summary>
public sealed class SandboxClient : IDisposable
{
    public const string Name = "provider";

    private readonly ServiceProvider _services;

    private SandboxClient(ServiceProvider services)
    {
        _services = services;
        Http = services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
    }

    public HttpClient Http { get; }

    public static SandboxClient Create(
        ProviderSandbox sandbox,
        PaymentProvider provider,
        Action<PaymentProviderClientOptions>? configure = null,
        bool withCredentials = true,
        Action<IHttpClientBuilder>? extend = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddPaymentProviderClient(Name, provider, options =>
        {
            options.BaseAddress = sandbox.BaseAddress(provider);
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.UseJitter = false;
            options.CircuitBreaker.MinimumThroughput = 100;
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(20);
            configure?.Invoke(options);
        });
        extend?.Invoke(builder); // before the credentials handler, which must stay innermost to see every attempt as sent
        if (withCredentials)
        {
            builder.AddHttpMessageHandler(() => sandbox.CredentialsHandler(provider));
        }

        return new SandboxClient(services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>A plain HttpClient (no PaymentHttp handlers) with the sandbox's credentials, to read raw responses.</summary>
    /// <summary>A PagarStar client that sends the PTS encoding with the sandbox's safecode and, unless told otherwise, its transaction secret.</summary>
    public static SandboxClient PagarStarEncrypted(
        ProviderSandbox sandbox,
        string safeCode = SandboxCredentials.PagarStarSafeCode,
        string? transactionSecret = SandboxCredentials.PagarStarTransactionSecret,
        Action<PaymentProviderClientOptions>? configure = null,
        bool withCredentials = true) =>
        Create(sandbox, PaymentProvider.PagarStar, configure, withCredentials, builder => builder.AddPagarStarEncryption(o =>
        {
            o.SafeCode = safeCode;
            o.TransactionSecret = transactionSecret;
        }));

    public static HttpClient Raw(ProviderSandbox sandbox, PaymentProvider provider)
    {
        var credentials = sandbox.CredentialsHandler(provider);
        credentials.InnerHandler = new SocketsHttpHandler();
        return new HttpClient(credentials) { BaseAddress = sandbox.BaseAddress(provider), Timeout = TimeSpan.FromSeconds(20) };
    }

    public Task<HttpResponseMessage> PayAsync(PaymentProvider provider, string reference, decimal amount = 25m, string? idempotencyKey = null, string? card = null) =>
        Http.SendAsync(SandboxRequests.Payment(provider, reference, amount, idempotencyKey, card));

    public Task<HttpResponseMessage> QueryAsync(PaymentProvider provider, string reference) =>
        Http.SendAsync(SandboxRequests.Query(provider, reference));

    public void Dispose()
    {
        Http.Dispose();
        _services.Dispose();
    }
}
