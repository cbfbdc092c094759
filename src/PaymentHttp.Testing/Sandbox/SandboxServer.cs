using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaymentHttp.Testing;

/// <summary>
/// The Kestrel host of a sandbox: HTTP/1.1 on 127.0.0.1 and a port the operating system picks, no configuration
/// files, no environment settings, no logging, no console lifetime — nothing from the test process leaks in.
/// </summary>
internal static class SandboxServer
{
    private const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // No file watchers on appsettings.json: a test run may start many sandboxes.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SandboxHostLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });

        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    /// <summary>The root address the started server listens on, with a trailing slash.</summary>
    public static Uri AddressOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute);
    }
}
