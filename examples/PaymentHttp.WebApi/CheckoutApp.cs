using System.Text.Json.Serialization;
using PaymentHttp.WebApi.Development;
using PaymentHttp.WebApi.Payments;
using PaymentHttp.WebApi.Problems;
using PaymentHttp.WebApi.Providers;

namespace PaymentHttp.WebApi;

/// <summary>
/// The checkout API: <c>POST /checkout</c> and <c>GET /payments/{reference}</c>, with PaymentHttp's typed exceptions
/// turned into RFC 7807 problem details. Built here rather than in Program.cs so that tests can start the real app
/// on a loopback port.
/// </summary>
public static class CheckoutApp
{
    /// <summary>Builds the app; <see cref="WebApplication.RunAsync"/> or <c>StartAsync</c> validates its options.</summary>
    /// <param name="args">The command line; any configuration key can be given as <c>--Key=value</c>.</param>
    /// <returns>The app, not yet started. Disposing it stops the sandbox too, when one was started.</returns>
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        await using var sandbox = await SandboxMode.StartIfConfiguredAsync(builder);

        var providers = ProviderClients.Register(builder, sandbox.Sandbox);
        builder.Services.AddSingleton(providers);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<PaymentExceptionHandler>();

        var app = builder.Build();
        sandbox.HandOver(app.Services);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // PaymentHttp logs every final provider failure already; the middleware's own error log would repeat it.
            SuppressDiagnosticsCallback = context => context.Exception is PaymentProviderException,
        });
        app.UseStatusCodePages();
        app.MapPaymentEndpoints();
        if (app.Environment.IsDevelopment() && sandbox.Sandbox is { } running)
        {
            app.MapSandboxFaultEndpoints(running); // never in Production, even with UseSandbox: true
        }
        return app;
    }
}
