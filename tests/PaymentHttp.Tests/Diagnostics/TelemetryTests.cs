using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Diagnostics;

/// <summary>
/// Logs, metrics and traces: the information an operator needs is there, and no secret is — neither request
/// credentials nor card data echoed in a provider's error body.
/// </summary>
public sealed class TelemetryTests
{
    private const string CardNumber = "4111111111111111";
    private const string BearerToken = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig";
    private const string ApiKey = "plutu-live-key-7f3a9c";

    [Fact]
    public async Task RetryThenSuccess_CountsFailureRetryAndBothAttempts()
    {
        using var fixture = new Fixture();
        fixture.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        using var response = await fixture.Client.PostAsync("payments", new StringContent("{}"));

        var failure = fixture.Capture.Named("paymenthttp.client.failures").ShouldHaveSingleItem();
        failure.Tags["payment.provider"].ShouldBe("plutu");
        failure.Tags["payment.client.name"].ShouldBe(fixture.Name);
        failure.Tags["payment.error.category"].ShouldBe("rate_limited");
        var retry = fixture.Capture.Named("paymenthttp.client.retries").ShouldHaveSingleItem();
        retry.Tags["payment.retry.reason"].ShouldBe("rate_limited");
        fixture.Capture.Named("paymenthttp.client.attempt.duration").Select(m => m.Tags["payment.outcome"])
            .ShouldBe(["rate_limited", "success"]);
    }

    [Fact]
    public async Task FinalFailure_ActivityCarriesAttemptsCategoryCodeAndRetryEvents()
    {
        using var fixture = new Fixture();
        fixture.Primary.Always(HttpStatusCode.TooManyRequests, """{"error":{"status":429,"code":"TOO_MANY","message":"slow down"}}""");

        await Should.ThrowAsync<ProviderRateLimitedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        var activity = fixture.Capture.Activities.ShouldHaveSingleItem();
        activity.OperationName.ShouldBe("PaymentHttp.Call");
        activity.GetTagItem("payment.provider").ShouldBe("plutu");
        activity.GetTagItem("payment.attempts").ShouldBe(4);
        activity.GetTagItem("payment.error.category").ShouldBe("rate_limited");
        activity.GetTagItem("payment.error.code").ShouldBe("TOO_MANY");
        activity.GetTagItem("http.response.status_code").ShouldBe(429);
        activity.Status.ShouldBe(ActivityStatusCode.Error);
        activity.Events.Count(e => e.Name == "payment.retry").ShouldBe(3);
    }

    [Fact]
    public async Task Success_ActivityHasAttemptsAndNoError()
    {
        using var fixture = new Fixture();
        fixture.Primary.Respond(HttpStatusCode.OK, "{}");

        using var response = await fixture.Client.GetAsync("payments/1");

        var activity = fixture.Capture.Activities.ShouldHaveSingleItem();
        activity.GetTagItem("payment.attempts").ShouldBe(1);
        activity.Status.ShouldBe(ActivityStatusCode.Unset);
        activity.GetTagItem("http.request.method").ShouldBe("GET");
    }

    [Fact]
    public async Task Logs_WarningPerRetry_WarningWhenRetriesRunOut()
    {
        using var fixture = new Fixture();
        fixture.Primary.Always(HttpStatusCode.TooManyRequests);

        await Should.ThrowAsync<ProviderRateLimitedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        var entries = fixture.Logs.Entries.Where(e => e.Category == "PaymentHttp").ToList();
        entries.Count(e => e.EventId.Name == "RetryScheduled" && e.Level == LogLevel.Warning).ShouldBe(3);
        var final = entries.Where(e => e.EventId.Name == "ProviderUnavailable").ShouldHaveSingleItem();
        final.Level.ShouldBe(LogLevel.Warning); // exhausted throttling: the on-call engineer's to watch, not to be paged for
        final.Message.ShouldContain("rate_limited");
        final.Message.ShouldContain("after 4 attempt(s)");
    }

    [Fact]
    public async Task CircuitTransitions_AreCountedLoggedAndTraced()
    {
        using var fixture = new Fixture(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        });
        fixture.Primary.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable).Always(HttpStatusCode.OK, "{}");

        await Should.ThrowAsync<ProviderUnavailableException>(() => fixture.Client.GetAsync("x"));
        await Should.ThrowAsync<ProviderUnavailableException>(() => fixture.Client.GetAsync("x"));
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        using var recovered = await fixture.Client.GetAsync("x");

        fixture.Capture.Named("paymenthttp.client.circuit_breaker.transitions").Select(m => m.Tags["payment.circuit_breaker.state"])
            .ShouldBe(["open", "half_open", "closed"]);
        var names = fixture.Logs.Entries.Select(e => e.EventId.Name).ToList();
        names.ShouldContain("CircuitOpened");
        names.ShouldContain("CircuitHalfOpened");
        names.ShouldContain("CircuitClosed");
        fixture.Capture.Activities.SelectMany(a => a.Events).Count(e => e.Name == "payment.circuit_breaker").ShouldBe(3);
    }

    [Fact]
    public async Task Secrets_NeverReachExceptionsLogsMetricsOrTraces()
    {
        using var fixture = new Fixture();
        var echoingBody =
            "{\"error\":{\"status\":400,\"code\":\"CARD_REJECTED\"," +
            "\"message\":\"Card " + CardNumber + " with \\\"cvv\\\":\\\"123\\\" rejected for X-API-KEY: " + ApiKey + "\"," +
            "\"fields\":{\"card_number\":[\"" + CardNumber + " is blocked\"]}}}";
        fixture.Primary.Respond(HttpStatusCode.BadRequest, echoingBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, "transaction/localbankcards/confirm")
        {
            Content = new StringContent($$"""{"card_number":"{{CardNumber}}","cvv":"123"}"""),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + BearerToken);
        request.Headers.TryAddWithoutValidation("X-API-KEY", ApiKey);

        var exception = await Should.ThrowAsync<ProviderValidationException>(() => fixture.Client.SendAsync(request));

        // The information is there...
        exception.ProviderCode.ShouldBe("CARD_REJECTED");
        exception.Message.ShouldContain("[card ****1111]");
        exception.Error.FieldErrors.ShouldHaveSingleItem().Message.ShouldBe("[card ****1111] is blocked");
        fixture.Logs.Entries.ShouldContain(e => e.EventId.Name == "CallRefused" && e.Message.Contains("CARD_REJECTED"));
        fixture.Capture.Activities.ShouldHaveSingleItem().GetTagItem("payment.error.code").ShouldBe("CARD_REJECTED");

        // ...and the secrets are not.
        var everything = string.Join('\n', new[]
        {
            exception.ToString(),
            exception.Error.Message,
            string.Join(';', exception.Error.FieldErrors.Select(f => f.ToString())),
            string.Join('\n', fixture.Logs.Entries.Select(e => e.Message + e.Exception)),
            string.Join('\n', fixture.Capture.Measurements.SelectMany(m => m.Tags.Values)),
            string.Join('\n', fixture.Capture.Activities.SelectMany(a => a.TagObjects.Select(t => t.Value?.ToString()))),
            string.Join('\n', fixture.Capture.Activities.SelectMany(a => a.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString())))),
        });
        everything.ShouldNotContain(CardNumber);
        everything.ShouldNotContain(BearerToken);
        everything.ShouldNotContain(ApiKey);
        everything.ShouldNotContain("\"cvv\":\"123\"");
    }

    /// <summary>A client with a unique name, its own meter factory, captured logs and a fake clock.</summary>
    private sealed class Fixture : IDisposable
    {
        private readonly ServiceProvider _services;

        public Fixture(Action<PaymentProviderClientOptions>? configure = null)
        {
            Name = "telemetry-" + Guid.NewGuid().ToString("N");
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Time);
            services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            services.AddPaymentProviderClient(Name, PaymentProvider.Plutu, o =>
                {
                    o.BaseAddress = new Uri("http://plutu.test/");
                    o.Retry.BaseDelay = TimeSpan.Zero;
                    configure?.Invoke(o);
                })
                .ConfigurePrimaryHttpMessageHandler(() => Primary);
            _services = services.BuildServiceProvider();
            Capture = new TelemetryCapture(_services.GetRequiredService<IMeterFactory>(), Name);
            Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
        }

        public string Name { get; }

        public FakeTimeProvider Time { get; } = new();

        public ScriptedHandler Primary { get; } = new();

        public ListLoggerProvider Logs { get; } = new();

        public TelemetryCapture Capture { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Capture.Dispose();
            Client.Dispose();
            _services.Dispose();
        }
    }
}
