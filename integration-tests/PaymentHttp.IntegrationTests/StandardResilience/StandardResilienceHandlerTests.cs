using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using PaymentHttp.IntegrationTests.Infrastructure;
using PaymentHttp.IntegrationTests.Redirects;
using Polly;

namespace PaymentHttp.IntegrationTests.StandardResilience;

/// <summary>
/// The real Microsoft.Extensions.Http.Resilience handlers on a payment client, over real Kestrel, in every
/// registration order: a slow POST past their attempt timeout (200 ms here, 10 s by default) and a POST answered 503
/// reach the provider once, the caller gets PaymentHttp's typed exception, and one warning names the client.
/// </summary>
public sealed class StandardResilienceHandlerTests : IAsyncLifetime
{
    private const string Name = "plutu";
    private const string RemovedEvent = "RemovedResilienceHandlers";

    private RecordingServer _provider = null!;

    public static TheoryData<RegistrationOrder> Orders => new()
    {
        RegistrationOrder.ClientDefaultsBefore,
        RegistrationOrder.ClientDefaultsAfter,
        RegistrationOrder.StandardChainedAfter,
        RegistrationOrder.CustomChainedAfter,
        RegistrationOrder.StandardBeforeRegistration,
    };

    public async Task InitializeAsync() => _provider = await RecordingServer.StartAsync(RespondAsync);

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task SlowPost_PastTheirAttemptTimeout_ReachesTheProviderOnce(RegistrationOrder order)
    {
        using var logs = new CapturedLogs(RemovedEvent);
        using var services = Build(order, logs, paymentHttpAttemptTimeout: TimeSpan.FromSeconds(1));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);

        // The provider answers after 3 s: past their 200 ms attempt timeout, and past PaymentHttp's 1 s one.
        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync("slow", Form()));

        exception.Attempts.ShouldBe(1);
        _provider.Count.ShouldBe(1);
        AssertOneWarning(logs);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Post_Answered503_ReachesTheProviderOnce(RegistrationOrder order)
    {
        using var logs = new CapturedLogs(RemovedEvent);
        using var services = Build(order, logs, paymentHttpAttemptTimeout: TimeSpan.FromSeconds(5));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync("unavailable", Form()));

        exception.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        exception.Attempts.ShouldBe(1);
        _provider.Count.ShouldBe(1);
        AssertOneWarning(logs);
    }

    [Fact]
    public async Task OwnResilienceHandlerOutside_WithPaymentHttpResilienceOff_StillComposes()
    {
        using var logs = new CapturedLogs(RemovedEvent);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        var builder = services.AddHttpClient(Name);
        builder.AddResilienceHandler("mine", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            ShouldHandle = PaymentResiliencePredicates.ShouldRetry,
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
        }));
        builder.AddPaymentProviderHandlers(PaymentProvider.Plutu, o =>
        {
            o.BaseAddress = _provider.Root;
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.Enabled = false;
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(Name);

        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync("unavailable", Form()));
        var postRequests = _provider.Count;
        await Should.ThrowAsync<ProviderUnavailableException>(() => client.GetAsync("unavailable"));

        postRequests.ShouldBe(1);                  // the POST is not retried: the money rule, through the predicates
        (_provider.Count - postRequests).ShouldBe(3); // the GET is, by their handler: 1 + 2 retries
        logs.Count(RemovedEvent).ShouldBe(0);
    }

    private ServiceProvider Build(RegistrationOrder order, CapturedLogs logs, TimeSpan paymentHttpAttemptTimeout)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        switch (order)
        {
            case RegistrationOrder.ClientDefaultsBefore:
                services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler(Fast));
                Register(services, paymentHttpAttemptTimeout);
                break;
            case RegistrationOrder.ClientDefaultsAfter:
                Register(services, paymentHttpAttemptTimeout);
                services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler(Fast));
                break;
            case RegistrationOrder.StandardChainedAfter:
                Register(services, paymentHttpAttemptTimeout).AddStandardResilienceHandler(Fast);
                break;
            case RegistrationOrder.CustomChainedAfter:
                Register(services, paymentHttpAttemptTimeout).AddResilienceHandler("custom", pipeline => pipeline
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.Zero })
                    .AddTimeout(TimeSpan.FromMilliseconds(200)));
                break;
            case RegistrationOrder.StandardBeforeRegistration:
                services.AddHttpClient(Name).AddStandardResilienceHandler(Fast);
                Register(services, paymentHttpAttemptTimeout);
                break;
        }

        return services.BuildServiceProvider();
    }

    private IHttpClientBuilder Register(IServiceCollection services, TimeSpan attemptTimeout) =>
        services.AddPaymentProviderClient(Name, PaymentProvider.Plutu, o =>
        {
            o.BaseAddress = _provider.Root;
            o.Retry.MaxRetryAttempts = 3;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.AttemptTimeout = attemptTimeout;
            o.TotalTimeout = TimeSpan.FromSeconds(10);
        });

    /// <summary>The standard handler with its timeouts short enough to fire inside a test; its retries as shipped.</summary>
    private static void Fast(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(1);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
    }

    private static void AssertOneWarning(CapturedLogs logs)
    {
        logs.Count(RemovedEvent).ShouldBe(1);
        var warning = logs.Kept.ShouldHaveSingleItem();
        warning.ShouldContain("PaymentHttp client 'plutu': removed ResilienceHandler");
    }

    private static FormUrlEncodedContent Form() => new(new Dictionary<string, string> { ["invoice_no"] = "inv-1", ["amount"] = "25.000" });

    private static async Task RespondAsync(HttpContext context, RecordingServer server)
    {
        switch (context.Request.Path.Value)
        {
            case "/slow":
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await Write(context, 200, """{"result":"paid"}""");
                break;
            case "/unavailable":
                await Write(context, 503, """{"error":{"status":503,"code":"SERVICE_UNAVAILABLE","message":"down"}}""");
                break;
            default:
                await Write(context, 404, "{}");
                break;
        }
    }

    private static Task Write(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted).AsTask();
    }
}
