using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.IntegrationTests.Infrastructure;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// The chaos run's clients, registered as a user registers them (<c>AddPaymentProviderClient</c>, and
/// <c>AddPagarStarEncryption</c> for the PTS client), with an attempt counter and the sandbox's credentials inside the
/// PaymentHttp handlers, over real loopback sockets with AutomaticDecompression on. Short timeouts, no backoff wait, and a circuit breaker that is in
/// the pipeline but set so that a 30% fault rate cannot open it.
/// </summary>
public sealed class ChaosClients : IDisposable
{
    public const int MaxRetryAttempts = 3;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>A <c>Retry-After</c> above this is not waited for: the call fails at once with it.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    private readonly ServiceProvider _services;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public ChaosClients(ProviderSandbox sandbox, CapturedLogs logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        foreach (var (name, provider, encrypted) in ChaosClientNames.All)
        {
            var builder = services.AddPaymentProviderClient(name, provider, options =>
            {
                options.BaseAddress = sandbox.BaseAddress(provider);
                options.Retry.MaxRetryAttempts = MaxRetryAttempts;
                options.Retry.BaseDelay = TimeSpan.Zero;
                options.Retry.MaxDelay = MaxDelay;
                options.AttemptTimeout = AttemptTimeout;
                options.TotalTimeout = TimeSpan.FromSeconds(15);
                options.CircuitBreaker.FailureRatio = 0.9;
                options.CircuitBreaker.MinimumThroughput = 50;
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
                options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(1);
            });
            // Decompressing, as most callers are: a Compressed fault's approval must reach the caller readable.
            builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
            builder.AddHttpMessageHandler(() => new AttemptCountingHandler(TotalAttempts));
            if (encrypted)
            {
                builder.AddPagarStarEncryption(o =>
                {
                    o.SafeCode = SandboxCredentials.PagarStarSafeCode;
                    o.TransactionSecret = SandboxCredentials.PagarStarTransactionSecret;
                });
            }

            builder.AddHttpMessageHandler(() => sandbox.CredentialsHandler(provider));
        }

        _services = services.BuildServiceProvider(validateScopes: true);
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        foreach (var (name, _, _) in ChaosClientNames.All)
        {
            _clients.Add(name, factory.CreateClient(name));
        }
    }

    /// <summary>Gets the HTTP attempts of every client, refused connections included.</summary>
    public AttemptTally TotalAttempts { get; } = new();

    public HttpClient this[string name] => _clients[name];

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _services.Dispose();
    }
}
