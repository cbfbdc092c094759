using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Tests.TestUtilities;
using Polly.CircuitBreaker;

namespace PaymentHttp.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    private static PaymentClientHarness CreateBreaker(Action<PaymentProviderClientOptions>? more = null) =>
        PaymentClientHarness.Create(configure: o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 4;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
            more?.Invoke(o);
        });

    [Fact]
    public async Task Outage_OpensCircuitThenFailsFastWithoutReachingServer()
    {
        using var harness = CreateBreaker();
        harness.Primary.Always(HttpStatusCode.ServiceUnavailable);

        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());
        }

        var exception = await Should.ThrowAsync<ProviderCircuitOpenException>(() => harness.GetAsync());

        harness.Primary.Attempts.ShouldBe(4);
        exception.Attempts.ShouldBe(0);
        exception.Category.ShouldBe(PaymentErrorCategory.Transient);
        exception.Provider.ShouldBe(PaymentProvider.Plutu);
        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(15));
        exception.InnerException.ShouldBeOfType<BrokenCircuitException>();
        exception.ShouldBeAssignableTo<ProviderUnavailableException>();
    }

    [Fact]
    public async Task OpenCircuit_RemainingBreakTimeShrinksWithTheClock()
    {
        using var harness = CreateBreaker();
        harness.Primary.Always(HttpStatusCode.InternalServerError);
        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());
        }

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var exception = await Should.ThrowAsync<ProviderCircuitOpenException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
        exception.Message.ShouldContain("5 s");
    }

    [Fact]
    public async Task Declines_NeverOpenTheCircuit()
    {
        using var harness = CreateBreaker();
        harness.Primary.Always(HttpStatusCode.PaymentRequired);

        for (var i = 0; i < 40; i++)
        {
            await Should.ThrowAsync<ProviderDeclinedException>(() => harness.PostAsync());
        }

        harness.Primary.Attempts.ShouldBe(40);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task ClientErrors_NeverOpenTheCircuit(HttpStatusCode status)
    {
        using var harness = CreateBreaker();
        harness.Primary.Always(status);

        for (var i = 0; i < 10; i++)
        {
            await Should.ThrowAsync<PaymentProviderException>(() => harness.PostAsync());
        }

        harness.Primary.Attempts.ShouldBe(10);
    }

    [Fact]
    public async Task RateLimitsAndNetworkFailures_CountTowardsOpening()
    {
        using var harness = CreateBreaker();
        harness.Primary
            .Respond(HttpStatusCode.TooManyRequests)
            .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            .Respond(HttpStatusCode.TooManyRequests);

        await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());
        await Should.ThrowAsync<ProviderUnavailableException>(() => harness.PostAsync());
        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());
        await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        await Should.ThrowAsync<ProviderCircuitOpenException>(() => harness.PostAsync());
        harness.Primary.Attempts.ShouldBe(4);
    }

    [Fact]
    public async Task AfterBreakDuration_TrialCallSucceeds_CircuitClosesAgain()
    {
        using var harness = CreateBreaker();
        harness.Primary
            .Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable)
            .Always(HttpStatusCode.OK, "{}");
        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());
        }

        await Should.ThrowAsync<ProviderCircuitOpenException>(() => harness.GetAsync());
        harness.Time.Advance(TimeSpan.FromSeconds(15));

        for (var i = 0; i < 5; i++)
        {
            using var response = await harness.GetAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        harness.Primary.Attempts.ShouldBe(9);
    }

    [Fact]
    public async Task OpenCircuit_IsNotRetriedEvenWithRetriesEnabled()
    {
        using var harness = CreateBreaker(o => o.Retry.MaxRetryAttempts = 3);
        harness.Primary.Always(HttpStatusCode.ServiceUnavailable);

        // Four attempts (one call, retried three times) open the circuit during the call itself.
        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());

        harness.Primary.Attempts.ShouldBe(4);
        exception.Attempts.ShouldBe(4);
        await Should.ThrowAsync<ProviderCircuitOpenException>(() => harness.GetAsync());
        harness.Primary.Attempts.ShouldBe(4);
    }

    [Fact]
    public async Task Disabled_NeverOpens()
    {
        using var harness = CreateBreaker(o => o.CircuitBreaker.Enabled = false);
        harness.Primary.Always(HttpStatusCode.ServiceUnavailable);

        for (var i = 0; i < 20; i++)
        {
            await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());
        }

        harness.Primary.Attempts.ShouldBe(20);
    }

    [Fact]
    public async Task EachNamedClient_HasItsOwnCircuit()
    {
        var failing = new ScriptedHandler().Always(HttpStatusCode.ServiceUnavailable);
        var healthy = new ScriptedHandler().Always(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("a", PaymentProvider.Plutu, TripAfterTwo).ConfigurePrimaryHttpMessageHandler(() => failing);
        services.AddPaymentProviderClient("b", PaymentProvider.Plutu, TripAfterTwo).ConfigurePrimaryHttpMessageHandler(() => healthy);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        using var a = factory.CreateClient("a");
        using var b = factory.CreateClient("b");

        await Should.ThrowAsync<ProviderUnavailableException>(() => a.GetAsync("x"));
        await Should.ThrowAsync<ProviderUnavailableException>(() => a.GetAsync("x"));
        await Should.ThrowAsync<ProviderCircuitOpenException>(() => a.GetAsync("x"));

        using var ok = await b.GetAsync("x");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CircuitState_SurvivesANewHandlerChainForTheSameName()
    {
        var primary = new ScriptedHandler().Always(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, TripAfterTwo).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        using var first = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");
        await Should.ThrowAsync<ProviderUnavailableException>(() => first.GetAsync("x"));
        await Should.ThrowAsync<ProviderUnavailableException>(() => first.GetAsync("x"));

        // A handler chain built from scratch for the same name, as the factory does when it rotates handlers.
        var runtime = provider.GetRequiredKeyedService<PaymentClientRuntime>("plutu");
        using var rebuilt = new HttpClient(
            new PaymentResilienceHandler(runtime) { InnerHandler = new ClassificationHandler(runtime) { InnerHandler = primary } },
            disposeHandler: false)
        {
            BaseAddress = new Uri("http://plutu.test/"),
        };

        await Should.ThrowAsync<ProviderCircuitOpenException>(() => rebuilt.GetAsync("x"));
        primary.Attempts.ShouldBe(2);
    }

    private static void TripAfterTwo(PaymentProviderClientOptions options)
    {
        options.BaseAddress = new Uri("http://provider.test/");
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.MinimumThroughput = 2;
    }
}
