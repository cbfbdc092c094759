using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Testing;

namespace PaymentHttp.Demo.Hosting;

/// <summary>
/// The provider sandbox and one PaymentHttp client per provider, registered the way an application registers them:
/// <c>AddPaymentProviderClient(name, provider, configuration.GetSection("PaymentProviders:&lt;Name&gt;"))</c>.
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _clients;

    private DemoHost(ProviderSandbox sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        _services = services;
        _clients = services.GetRequiredService<IHttpClientFactory>();
    }

    public ProviderSandbox Sandbox { get; }

    /// <summary>Gets the address the sandbox listens on (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri SandboxRoot => new(Sandbox.BaseAddress(PaymentProvider.Plutu), "/");

    public static async Task<DemoHost> StartAsync()
    {
        var sandbox = await ProviderSandbox.StartAsync();
        try
        {
            var configuration = Configuration(sandbox);
            var services = new ServiceCollection();
            foreach (var provider in Enum.GetValues<PaymentProvider>())
            {
                services.AddPaymentProviderClient(provider.ToString(), provider, configuration.GetSection($"PaymentProviders:{provider}"))
                    // Last, so it sees every attempt: the sandbox's credentials, added the way each provider wants them.
                    .AddHttpMessageHandler(() => sandbox.CredentialsHandler(provider));
            }

            return new DemoHost(sandbox, services.BuildServiceProvider(validateScopes: true));
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The client of one provider. Its options are validated the first time it is created.</summary>
    public HttpClient Client(PaymentProvider provider) => _clients.CreateClient(provider.ToString());

    /// <summary>How many merchant references the sandbox charged more than once: the number that must stay 0.</summary>
    public int DuplicateCharges() => Sandbox.Ledger.Charges
        .GroupBy(charge => (charge.Provider, charge.MerchantReference))
        .Count(charges => charges.Count() > 1);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>
    /// appsettings.json, with the sandbox's base addresses layered on top: the sandbox picks its port when it starts,
    /// so the file cannot know them.
    /// </summary>
    private static IConfiguration Configuration(ProviderSandbox sandbox) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: false, reloadOnChange: false)
        .AddInMemoryCollection(Enum.GetValues<PaymentProvider>().Select(provider =>
            KeyValuePair.Create($"PaymentProviders:{provider}:BaseAddress", (string?)sandbox.BaseAddress(provider).ToString())))
        .Build();
}
