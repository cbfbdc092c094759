using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using PaymentHttp.Tests.TestUtilities;
using Polly;
using Polly.CircuitBreaker;

namespace PaymentHttp.Tests.Resilience;

/// <summary>
/// The composition the README shows for users of Microsoft.Extensions.Http.Resilience, with the real package: their
/// <c>AddResilienceHandler</c> outside, PaymentHttp's handlers inside with retries and breaker off, and
/// <see cref="PaymentResiliencePredicates"/> as their <c>ShouldHandle</c>. The same money rules must hold.
/// </summary>
public sealed class ExternalResilienceCompositionTests
{
    [Fact]
    public async Task Post_RateLimitedTwice_RetriedByTheExternalPipeline()
    {
        using var fixture = new Fixture(PaymentProvider.Plutu);
        fixture.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        using var response = await fixture.Client.PostAsync("payments", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        fixture.Primary.Attempts.ShouldBe(3);
        fixture.External.Executions.ShouldBe(3);
    }

    [Fact]
    public async Task Post_ServerError_NotRetried_OutcomeUnknown()
    {
        using var fixture = new Fixture(PaymentProvider.Plutu);
        fixture.Primary.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK, "{}");

        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        fixture.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_WithPlexyPayIdempotencyKey_RetriedAfterServerError()
    {
        using var fixture = new Fixture(PaymentProvider.PlexyPay);
        fixture.Primary.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "order-7");

        using var response = await fixture.Client.SendAsync(request);

        fixture.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Get_TransientThenSuccess_Retried()
    {
        using var fixture = new Fixture(PaymentProvider.Paysafe);
        fixture.Primary.Throw(new HttpRequestException(HttpRequestError.ResponseEnded)).Respond(HttpStatusCode.OK, """{"status":"COMPLETED"}""");

        using var response = await fixture.Client.GetAsync("payments/1");

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"COMPLETED"}""");
        fixture.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Declines_NeitherRetriedNorCountedByTheExternalBreaker()
    {
        using var fixture = new Fixture(PaymentProvider.MakeCommerce);
        fixture.Primary.Always(HttpStatusCode.BadRequest, """{"code":1035,"message":"Payment declined"}""");

        for (var i = 0; i < 10; i++)
        {
            await Should.ThrowAsync<ProviderDeclinedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));
        }

        fixture.Primary.Attempts.ShouldBe(10);
    }

    [Fact]
    public async Task Outage_OpensTheExternalBreaker()
    {
        using var fixture = new Fixture(PaymentProvider.MakeCommerce);
        fixture.Primary.Always(HttpStatusCode.ServiceUnavailable);

        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));
        }

        await Should.ThrowAsync<BrokenCircuitException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));
        fixture.Primary.Attempts.ShouldBe(4);
    }

    /// <summary>
    /// The README's composition, verbatim but for what a test needs: no delay between retries, a breaker that opens
    /// after four calls, a scripted primary handler, and a counter between the resilience handler and PaymentHttp's
    /// handlers that sees each attempt the resilience pipeline makes.
    /// </summary>
    private sealed class Fixture : IDisposable
    {
        private readonly ServiceProvider _services;

        public Fixture(PaymentProvider provider)
        {
            var services = new ServiceCollection();
            var composed = services.AddHttpClient("composed", c => c.BaseAddress = new Uri("http://provider.test/"));
            composed.AddResilienceHandler("composed", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    ShouldHandle = PaymentResiliencePredicates.ShouldRetry,
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.Zero,
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    ShouldHandle = PaymentResiliencePredicates.ShouldBreakCircuit,
                    MinimumThroughput = 4,
                    FailureRatio = 0.5,
                }));
            composed.AddHttpMessageHandler(() => External);
            composed.AddPaymentProviderHandlers(provider, o =>
                {
                    o.Retry.MaxRetryAttempts = 0;
                    o.CircuitBreaker.Enabled = false;
                })
                .ConfigurePrimaryHttpMessageHandler(() => Primary);
            _services = services.BuildServiceProvider();
            Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("composed");
        }

        public ScriptedHandler Primary { get; } = new();

        /// <summary>Gets the counter of the executions of the resilience pipeline's callback (one per attempt of it).</summary>
        public CountingHandler External { get; } = new();

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _services.Dispose();
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _executions;

        public int Executions => Volatile.Read(ref _executions);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _executions);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
