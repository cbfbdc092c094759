using PaymentHttp.Testing;

namespace PaymentHttp.WebApi.Providers;

/// <summary>
/// <c>"UseSandbox": true</c>: starts PaymentHttp's provider sandbox in-process on 127.0.0.1 and points every provider
/// at it. Its port is picked when it starts, so the base addresses are layered on top of the configuration files.
/// </summary>
internal sealed class SandboxMode : IAsyncDisposable
{
    private ProviderSandbox? _owned;

    private SandboxMode(ProviderSandbox? sandbox)
    {
        Sandbox = sandbox;
        _owned = sandbox;
    }

    /// <summary>Gets the sandbox, or <see langword="null"/> when the app talks to real providers.</summary>
    public ProviderSandbox? Sandbox { get; }

    public static async Task<SandboxMode> StartIfConfiguredAsync(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>("UseSandbox"))
        {
            return new SandboxMode(null);
        }

        var sandbox = await ProviderSandbox.StartAsync();
        builder.Configuration.AddInMemoryCollection(Enum.GetValues<PaymentProvider>().Select(provider =>
            KeyValuePair.Create($"PaymentProviders:{provider}:BaseAddress", (string?)sandbox.BaseAddress(provider).ToString())));

        // Registered with a factory so that the container owns it: disposing the app stops the sandbox.
        builder.Services.AddSingleton(_ => sandbox);
        return new SandboxMode(sandbox);
    }

    /// <summary>The app was built: its container disposes the sandbox from now on.</summary>
    public void HandOver(IServiceProvider services)
    {
        if (_owned is not null)
        {
            // A container disposes only what it created: resolve the factory once so that it does.
            services.GetRequiredService<ProviderSandbox>();
            _owned = null;
        }
    }

    /// <summary>Stops the sandbox if building the app failed before <see cref="HandOver"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_owned is { } sandbox)
        {
            await sandbox.DisposeAsync();
        }
    }
}
