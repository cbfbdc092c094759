using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>
/// A PaymentHttp client over a real socket, registered as a user registers it, that sends its provider's real
/// credential headers plus the user-named <see cref="SecretCorpus.ShopTokenHeader"/>, with one retry (so retry logs
/// and events are produced too) and everything it reports captured in <see cref="Sinks"/>.
/// </summary>
public sealed class SecretClient : IDisposable
{
    private static int _next;
    private readonly ServiceProvider _services;

    public SecretClient(PaymentProvider provider, Uri baseAddress)
    {
        Provider = provider;
        Name = $"secrets-{provider.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref _next)}";
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Sinks));
        var builder = services.AddPaymentProviderClient(Name, provider, options =>
        {
            options.BaseAddress = baseAddress;
            options.Retry.MaxRetryAttempts = 1;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.CircuitBreaker.Enabled = false;
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.TotalTimeout = TimeSpan.FromSeconds(10);
            options.SensitiveHeaders.Add(SecretCorpus.ShopTokenHeader);
        });
        if (provider == PaymentProvider.PagarStar)
        {
            builder.AddPagarStarEncryption(o =>
            {
                o.SafeCode = SecretCorpus.PagarStarSafeCode;
                o.TransactionSecret = SecretCorpus.PagarStarTransactionSecret;
            });
        }

        builder.ConfigureHttpClient(client =>
        {
            var headers = client.DefaultRequestHeaders;
            headers.TryAddWithoutValidation(SecretCorpus.ShopTokenHeader, SecretCorpus.ShopToken);
            switch (provider)
            {
                case PaymentProvider.Plutu:
                    headers.TryAddWithoutValidation("X-API-KEY", SecretCorpus.PlutuKey);
                    headers.TryAddWithoutValidation("Authorization", "Bearer " + SecretCorpus.PlutuToken);
                    break;
                case PaymentProvider.PlexyPay:
                    headers.TryAddWithoutValidation("Authorization", SecretCorpus.PlexyPayKey);
                    break;
                case PaymentProvider.Paysafe:
                    headers.TryAddWithoutValidation("Authorization", "Basic " + SecretCorpus.PaysafeBasic);
                    break;
                case PaymentProvider.PagarStar:
                    headers.TryAddWithoutValidation("X-Merchant-Id", SecretCorpus.PagarStarMerchantId);
                    break;
            }
        });

        _services = services.BuildServiceProvider(validateScopes: true);
        Sinks.Listen(_services.GetRequiredService<IMeterFactory>(), Name);
        Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
    }

    public PaymentProvider Provider { get; }

    public string Name { get; }

    public SecretSinks Sinks { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The provider's ordinary call: a GET (retried once on a transient failure), or a POST carrying a card for PlexyPay and PagarStar.</summary>
    public async Task SendAsync(string path)
    {
        using var response = Provider is PaymentProvider.PlexyPay or PaymentProvider.PagarStar
            ? await Client.PostAsJsonAsync(path, new { reference = "order-1", amount = 100, card_number = SecretCorpus.Visa })
            : await Client.GetAsync(path);
    }

    public void Dispose()
    {
        Client.Dispose();
        _services.Dispose();
        Sinks.Dispose();
    }
}
