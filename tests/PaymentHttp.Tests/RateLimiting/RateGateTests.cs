using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.RateLimiting;

/// <summary>
/// The per-attempt rate gate through a real client on a fake clock: refusals never reach the provider or the
/// circuit breaker, waits stay within MaxWait and the total timeout, and "come back later" answers pause the key.
/// </summary>
public sealed class RateGateTests
{
    [Fact]
    public async Task Refused_IsNeverSent_RateLimitedAlwaysWithRetryAfterAndNoAttempt()
    {
        using var harness = Gated(o => o.RateLimit.MaxWait = TimeSpan.Zero);
        harness.Primary.Always(HttpStatusCode.OK, "{}");
        (await harness.PostAsync()).Dispose();

        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        harness.Primary.Attempts.ShouldBe(1);
        refused.Attempts.ShouldBe(0);
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        refused.StatusCode.ShouldBeNull();
        refused.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
        refused.Provider.ShouldBe(PaymentProvider.Plutu);
        refused.Message.ShouldContain("rate budget refused the request, so it was not sent");
        harness.Time.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task Wait_WithinMaxWait_SendsExactlyWhenThePermitIsBack()
    {
        using var harness = Gated(o => o.RateLimit.MaxWait = TimeSpan.FromSeconds(2));
        harness.Primary.Always(HttpStatusCode.OK, "{}");
        (await harness.PostAsync()).Dispose();

        var call = harness.PostAsync();
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        (await TaskAssertions.IsStillPendingAsync(call)).ShouldBeTrue();
        harness.Primary.Attempts.ShouldBe(1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Wait_PastWhatTheTotalTimeoutLeaves_RefusedAtOnce()
    {
        using var harness = Gated(o =>
        {
            o.RateLimit.Period = TimeSpan.FromSeconds(10);
            o.RateLimit.MaxWait = TimeSpan.FromSeconds(30);
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        harness.Primary.Always(HttpStatusCode.OK, "{}");
        (await harness.PostAsync()).Dispose();

        // No clock advance: the refusal must come without waiting.
        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(10));
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Refusals_NeverCountForTheCircuitBreaker()
    {
        using var harness = Gated(o =>
        {
            o.RateLimit.MaxWait = TimeSpan.Zero;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.1;
        });
        harness.Primary.Always(HttpStatusCode.OK, "{}");
        (await harness.PostAsync()).Dispose();
        for (var i = 0; i < 10; i++)
        {
            await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));
        }

        harness.Time.Advance(TimeSpan.FromSeconds(1));

        using var response = await harness.PostAsync().WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Provider429_RetryAfterTooLongToRetry_PausesTheKey_NextCallFailsFastUnsent()
    {
        using var harness = Gated(o =>
        {
            o.RateLimit.PermitsPerPeriod = 100;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        });
        harness.Primary.Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)));

        var first = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));
        var second = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Attempts.ShouldBe(1);
        second.StatusCode.ShouldBeNull();
        second.Attempts.ShouldBe(0);
        second.RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Provider429_PauseWithinMaxWait_NextCallWaitsItOutThenSends()
    {
        using var harness = Gated(o =>
        {
            o.RateLimit.PermitsPerPeriod = 100;
            o.RateLimit.MaxWait = TimeSpan.FromSeconds(5);
            o.Retry.MaxRetryAttempts = 0;
        });
        harness.Primary
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)))
            .Respond(HttpStatusCode.OK, "{}");
        await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        var call = harness.PostAsync();
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(3)));
        harness.Primary.Attempts.ShouldBe(1);
        harness.Time.Advance(TimeSpan.FromSeconds(3));

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Provider429_RetriedAfterRetryAfter_ThePauseAddsNoSecondWait()
    {
        using var harness = Gated(o => o.RateLimit.PermitsPerPeriod = 100);
        harness.Primary
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.OK, "{}");

        var call = harness.PostAsync();
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(2)));
        harness.Time.Advance(TimeSpan.FromSeconds(2));

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    public static TheoryData<PaymentProvider, int, string, string?> ComeBackLaterAnswers => new()
    {
        { PaymentProvider.PagarStar, 200, """{"code":8001,"message":"Service not available"}""", null },
        { PaymentProvider.PagarStar, 200, """{"code":8008,"message":"Busy"}""", null },
        { PaymentProvider.PlexyPay, 503, """{"code":1,"message":"Service unavailable","source":"payments","type":"apiError"}""", null },
        { PaymentProvider.Paysafe, 400, """{"error":{"code":"1200","message":"Too many requests"}}""", "1200" },
        { PaymentProvider.Plutu, 429, """{"error":{"status":429,"message":"slow down"}}""", null },
    };

    [Theory]
    [MemberData(nameof(ComeBackLaterAnswers))]
    public async Task ComeBackLaterAnswer_WithoutRetryAfter_PausesTheKeyForDefaultPause(PaymentProvider provider, int status, string body, string? paysafeHeader)
    {
        using var harness = Gated(
            o =>
            {
                o.RateLimit.PermitsPerPeriod = 100;
                o.RateLimit.MaxWait = TimeSpan.Zero;
                o.RateLimit.DefaultPause = TimeSpan.FromSeconds(4);
                o.Retry.MaxRetryAttempts = 0;
            },
            provider);
        harness.Primary.Respond((HttpStatusCode)status, body, r =>
        {
            if (paysafeHeader is not null)
            {
                r.Headers.TryAddWithoutValidation("x-application-error-code", paysafeHeader);
            }
        });
        await Should.ThrowAsync<PaymentProviderException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(4));
        refused.Attempts.ShouldBe(0);
        harness.Primary.Attempts.ShouldBe(1);
    }

    public static TheoryData<string> NoComeBackLater => ["connection refused", "503 without code", "500", "decline 402"];

    [Theory]
    [MemberData(nameof(NoComeBackLater))]
    public async Task OtherFailures_DoNotPauseTheKey(string failure)
    {
        using var harness = Gated(o =>
        {
            o.RateLimit.PermitsPerPeriod = 100;
            o.RateLimit.MaxWait = TimeSpan.Zero;
            o.Retry.MaxRetryAttempts = 0;
        });
        _ = failure switch
        {
            "connection refused" => harness.Primary.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused")),
            "503 without code" => harness.Primary.Respond(HttpStatusCode.ServiceUnavailable),
            "500" => harness.Primary.Respond(HttpStatusCode.InternalServerError),
            _ => harness.Primary.Respond(HttpStatusCode.PaymentRequired),
        };
        harness.Primary.Respond(HttpStatusCode.OK, "{}");
        await Should.ThrowAsync<PaymentProviderException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        using var response = await harness.PostAsync().WaitAsync(TaskAssertions.Bound);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Pause_LongerThanMaxPause_IsCut()
    {
        using var harness = Gated(o =>
        {
            o.RateLimit.PermitsPerPeriod = 100;
            o.RateLimit.MaxWait = TimeSpan.Zero;
            o.RateLimit.MaxPause = TimeSpan.FromMinutes(1);
        });
        harness.Primary.Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)));
        await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        refused.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task TwoClients_SameKey_ShareOneBudgetAndOnePause()
    {
        var time = new FakeTimeProvider();
        var primaryA = new ScriptedHandler().Always(HttpStatusCode.OK, "{}");
        var primaryB = new ScriptedHandler().Always(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        foreach (var (name, primary) in new[] { ("checkout", primaryA), ("refunds", primaryB) })
        {
            services.AddPaymentProviderClient(name, PaymentProvider.Plutu, o =>
            {
                o.BaseAddress = new Uri("http://provider.test/");
                o.RateLimit.Enabled = true;
                o.RateLimit.PermitsPerPeriod = 2;
                o.RateLimit.MaxWait = TimeSpan.Zero;
                o.RateLimit.Key = "plutu:merchant-1";
            }).ConfigurePrimaryHttpMessageHandler(() => primary);
        }

        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        using var checkout = factory.CreateClient("checkout");
        using var refunds = factory.CreateClient("refunds");

        (await checkout.GetAsync("payments/1")).Dispose();
        (await refunds.GetAsync("payments/1")).Dispose();
        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => checkout.GetAsync("payments/1").WaitAsync(TaskAssertions.Bound));

        refused.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(500));
        (primaryA.Attempts + primaryB.Attempts).ShouldBe(2);
    }

    [Fact]
    public async Task Refused_ActivitySaysRefusedLocally()
    {
        using var harness = Gated(o => o.RateLimit.MaxWait = TimeSpan.Zero);
        using var telemetry = new TelemetryCapture(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), PaymentClientHarness.ClientName);
        harness.Primary.Always(HttpStatusCode.OK, "{}");
        (await harness.PostAsync()).Dispose();

        await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        var refusedCall = telemetry.Activities.Where(a => a.GetTagItem("payment.rate_limit.refused") is not null).ShouldHaveSingleItem();
        refusedCall.GetTagItem("payment.rate_limit.refused").ShouldBe("budget");
        refusedCall.Events.ShouldContain(e => e.Name == "payment.rate_limit.refused");
        refusedCall.GetTagItem("payment.attempts").ShouldBe(0);
    }

    [Fact]
    public async Task CallerCancels_WhileWaitingForAPermit_OperationCanceledAndNothingSent()
    {
        using var harness = Gated(o => o.RateLimit.MaxWait = TimeSpan.FromSeconds(10));
        harness.Primary.Always(HttpStatusCode.OK, "{}");
        (await harness.PostAsync()).Dispose();
        using var cancel = new CancellationTokenSource();

        var call = harness.Client.GetAsync("payments/1", cancel.Token);
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        await cancel.CancelAsync();

        var exception = await Should.ThrowAsync<Exception>(() => call.WaitAsync(TaskAssertions.Bound));
        exception.ShouldBeAssignableTo<OperationCanceledException>();
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task RateLimitOff_ByDefault_NothingIsHeldBack()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always(HttpStatusCode.OK, "{}");

        for (var i = 0; i < 50; i++)
        {
            (await harness.PostAsync().WaitAsync(TaskAssertions.Bound)).Dispose();
        }

        harness.Primary.Attempts.ShouldBe(50);
    }

    /// <summary>A Plutu client with a budget of one request per second, burst one.</summary>
    private static PaymentClientHarness Gated(Action<PaymentProviderClientOptions> configure, PaymentProvider provider = PaymentProvider.Plutu) =>
        PaymentClientHarness.Create(provider, o =>
        {
            o.RateLimit.Enabled = true;
            o.RateLimit.PermitsPerPeriod = 1;
            o.RateLimit.Period = TimeSpan.FromSeconds(1);
            configure(o);
        });
}
