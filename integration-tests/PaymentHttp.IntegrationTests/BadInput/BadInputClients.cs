using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.IntegrationTests.Infrastructure;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// Three PaymentHttp clients per provider pointed at a <see cref="RawHttpServer"/>, registered as a user registers them:
/// two with retries and the breaker off (each response is classified once), one of them with the primary handler's
/// <c>AutomaticDecompression</c> on (the other leaves bodies encoded, as the default handler does), and one with
/// retries on and a breaker, for the requests that are safe to repeat. The PagarStar clients also decrypt <c>text/plain</c> answers
/// (<c>AddPagarStarEncryption</c>). Attempt timeouts are bounded so that a hang shows as a timeout, which the test
/// counts as a failure.
/// </summary>
public sealed class BadInputClients : IDisposable
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _factory;

    public BadInputClients(Uri baseAddress, CapturedLogs logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            foreach (var decompressing in new[] { false, true })
            {
                var builder = Register(services, Name(provider, retrying: false, decompressing), provider, options =>
                {
                    options.BaseAddress = baseAddress;
                    options.Retry.MaxRetryAttempts = 0;
                    options.CircuitBreaker.Enabled = false;
                    options.AttemptTimeout = AttemptTimeout;
                    options.TotalTimeout = AttemptTimeout * 2;
                });
                if (decompressing)
                {
                    builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
                }
            }

            Register(services, Name(provider, retrying: true), provider, options =>
            {
                options.BaseAddress = baseAddress;
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.BaseDelay = TimeSpan.Zero;
                options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100); // a Retry-After above this is returned, not slept
                options.CircuitBreaker.MinimumThroughput = 20;
                options.CircuitBreaker.FailureRatio = 0.8;
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(5);
                options.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(500);
                options.AttemptTimeout = AttemptTimeout;
                options.TotalTimeout = AttemptTimeout * 4;
            });
        }

        _services = services.BuildServiceProvider(validateScopes: true);
        _factory = _services.GetRequiredService<IHttpClientFactory>();
    }

    public static string Name(PaymentProvider provider, bool retrying, bool decompressing = false) =>
        "bad-" + provider.ToString().ToLowerInvariant() + (retrying ? "-retrying" : string.Empty) + (decompressing ? "-decompressing" : string.Empty);

    /// <summary>The client for a call: the retrying one, or one of the two that classify each response once.</summary>
    public HttpClient Client(PaymentProvider provider, bool retrying, bool decompressing = false) =>
        _factory.CreateClient(Name(provider, retrying, decompressing && !retrying));

    public void Dispose() => _services.Dispose();

    private static IHttpClientBuilder Register(IServiceCollection services, string name, PaymentProvider provider, Action<PaymentProviderClientOptions> configure)
    {
        var builder = services.AddPaymentProviderClient(name, provider, configure);
        if (provider == PaymentProvider.PagarStar)
        {
            builder.AddPagarStarEncryption(o =>
            {
                o.SafeCode = SandboxCredentials.PagarStarSafeCode;
                o.TransactionSecret = SandboxCredentials.PagarStarTransactionSecret;
            });
        }

        return builder;
    }
}
