using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Testing;

namespace PaymentHttp.WebApi.Tests.Infrastructure;

/// <summary>
/// The checkout API started as it runs in production — real Kestrel, on 127.0.0.1 and a free port — with its
/// configuration from appsettings*.json and any <c>--Key=value</c> given by the test. In Development (the default
/// here, as for <c>dotnet run</c>) it starts its own provider sandbox, which <see cref="Sandbox"/> exposes.
/// </summary>
public sealed class CheckoutApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CheckoutApiHost(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
        Sandbox = app.Services.GetService<ProviderSandbox>();
    }

    public HttpClient Client { get; }

    /// <summary>Gets the app's own sandbox, or <see langword="null"/> when it talks to configured providers.</summary>
    public ProviderSandbox? Sandbox { get; }

    public ProviderSandbox RequiredSandbox => Sandbox ?? throw new InvalidOperationException("The app runs without its sandbox.");

    /// <summary>Builds and starts the app; settings are configuration keys and values (<c>--PaymentProviders:Paysafe:AttemptTimeout=00:00:01</c>).</summary>
    public static async Task<CheckoutApiHost> StartAsync(params string[] settings)
    {
        var app = await BuildAsync(settings);
        try
        {
            await app.StartAsync();
            return new CheckoutApiHost(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Builds the app without starting it, for start-up failures.</summary>
    public static Task<WebApplication> BuildAsync(params string[] settings) => CheckoutApp.BuildAsync(
    [
        "--urls=http://127.0.0.1:0",
        "--environment=Development",
        "--contentRoot=" + AppContext.BaseDirectory,
        "--hostBuilder:reloadConfigOnChange=false",
        "--Logging:LogLevel:Default=None",
        .. settings,
    ]);

    public Task<HttpResponseMessage> CheckoutAsync(string provider, string reference, decimal amount, string currency = "USD", string? card = null) =>
        Client.PostAsJsonAsync("/checkout", new { provider, merchantReference = reference, amount, currency, card });

    public static string NewReference() => "order-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
