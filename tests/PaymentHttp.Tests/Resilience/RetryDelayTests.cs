using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Resilience;

/// <summary>
/// How long the pipeline waits between attempts, measured on a fake clock: <c>Retry-After</c> in both forms,
/// exponential backoff with and without jitter, and waits that are not slept because they are too long.
/// </summary>
public sealed class RetryDelayTests
{
    [Fact]
    public async Task Post_RetryAfterSeconds_WaitsExactlyThatLong()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.BaseDelay = TimeSpan.FromSeconds(1));
        harness.Primary
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .Respond(HttpStatusCode.OK, "{}");

        var call = harness.PostAsync();
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(7)));
        harness.Time.Advance(TimeSpan.FromSeconds(6.999));
        (await TaskAssertions.IsStillPendingAsync(call)).ShouldBeTrue();
        harness.Primary.Attempts.ShouldBe(1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Post_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        using var harness = PaymentClientHarness.Create();
        var until = harness.Time.GetUtcNow().AddSeconds(12);
        harness.Primary
            .Respond(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(until))
            .Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "payments/1");

        var call = harness.Client.SendAsync(request);
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(12)));
        harness.Time.Advance(TimeSpan.FromSeconds(11));
        (await TaskAssertions.IsStillPendingAsync(call)).ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Post_RetryAfterLongerThanMaxDelay_NotSleptRateLimitedAtOnce()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxDelay = TimeSpan.FromSeconds(30));
        harness.Primary.Respond(
            HttpStatusCode.TooManyRequests,
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));

        // No clock advance: the call must finish without waiting.
        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        exception.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("Retry after 120 s");
        harness.Time.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task Post_RetryAfterBeyondTotalTimeout_NotSleptRateLimitedAtOnce()
    {
        using var harness = PaymentClientHarness.Create(configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
        });
        harness.Primary.Respond(
            HttpStatusCode.TooManyRequests,
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(25)));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(25));
        harness.Primary.Attempts.ShouldBe(1);
    }

    /// <summary>
    /// Waits System.Net's parser cannot represent: before, the header read as absent and the payment was retried at
    /// once. Now each is a wait past MaxDelay: not slept, not retried, returned with the (capped) wait.
    /// </summary>
    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999999")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("1, 99999999999")]
    public async Task Post_RetryAfterTooLargeForSystemNet_NotRetriedRateLimitedWithTheWait(string retryAfter)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always(RawRetryAfter(HttpStatusCode.TooManyRequests, retryAfter));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        exception.RetryAfter.ShouldBe(TimeSpan.FromDays(30));
        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
        harness.Time.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task Get_503WithHugeRetryAfter_NotRetriedEvenThoughSafe()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always(RawRetryAfter(HttpStatusCode.ServiceUnavailable, "99999999999"));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync().WaitAsync(TaskAssertions.Bound));

        exception.RetryAfter.ShouldBe(TimeSpan.FromDays(30));
        harness.Primary.Attempts.ShouldBe(1);
    }

    /// <summary>The largest MaxDelay and no total timeout: a capped wait is still past MaxDelay, so never slept.</summary>
    [Fact]
    public async Task Post_HugeRetryAfterWithLargestMaxDelayAndNoTotalTimeout_NotSlept()
    {
        using var harness = PaymentClientHarness.Create(configure: o =>
        {
            o.Retry.MaxDelay = TimeSpan.FromDays(1);
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });
        harness.Primary.Always(RawRetryAfter(HttpStatusCode.TooManyRequests, "Fri, 31 Dec 9999 23:59:59 GMT"));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync().WaitAsync(TaskAssertions.Bound));

        exception.RetryAfter.ShouldBe(TimeSpan.FromDays(30));
        harness.Primary.Attempts.ShouldBe(1);
        harness.Time.PendingTimers.ShouldBe(0);
    }

    /// <summary>Garbage, negative and blank values are no wait: the ordinary backoff applies (here 2 s), never "at once".</summary>
    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("   ")]
    public async Task Post_RetryAfterNotAWait_UsesTheBackoff(string retryAfter)
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.BaseDelay = TimeSpan.FromSeconds(2));
        harness.Primary.Then(RawRetryAfter(HttpStatusCode.TooManyRequests, retryAfter)).Respond(HttpStatusCode.OK, "{}");

        var call = harness.PostAsync();
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(2), expectedAttempts: 2);

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_RetryAfterInThePast_RetriedWithoutWaiting()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.BaseDelay = TimeSpan.FromSeconds(10));
        var past = harness.Time.GetUtcNow().AddMinutes(-1);
        harness.Primary
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(past))
            .Respond(HttpStatusCode.OK, "{}");

        using var response = await harness.GetAsync().WaitAsync(TaskAssertions.Bound);

        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Send_ExponentialBackoffWithoutJitter_DoublesEachTime()
    {
        using var harness = PaymentClientHarness.Create(configure: o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.UseJitter = false;
        });
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests)
            .Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        var call = harness.PostAsync();
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(1), expectedAttempts: 2);
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(2), expectedAttempts: 3);
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(4), expectedAttempts: 4);

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Send_BackoffCappedAtMaxDelay()
    {
        using var harness = PaymentClientHarness.Create(configure: o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(3);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        });
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        var call = harness.PostAsync();
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(3), expectedAttempts: 2);
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(5), expectedAttempts: 3);

        using var response = await call.WaitAsync(TaskAssertions.Bound);
    }

    [Fact]
    public async Task Send_JitterFromInjectedSource_DelaysBetweenHalfAndFull()
    {
        using var harness = PaymentClientHarness.Create(
            configure: o =>
            {
                o.Retry.BaseDelay = TimeSpan.FromSeconds(4);
                o.Retry.UseJitter = true;
            },
            services: s => s.AddSingleton(new PaymentJitter(() => 0.5)));
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        var call = harness.PostAsync();
        // 4 s × (0.5 + 0.5 × 0.5) = 3 s, then 8 s × 0.75 = 6 s.
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(3), expectedAttempts: 2);
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(6), expectedAttempts: 3);

        using var response = await call.WaitAsync(TaskAssertions.Bound);
    }

    [Fact]
    public async Task Send_BaseDelayZero_RetriesWithoutAnyTimer()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.BaseDelay = TimeSpan.Zero);
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        using var response = await harness.PostAsync().WaitAsync(TaskAssertions.Bound);

        harness.Primary.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task Send_BackoffWouldEndPastTotalTimeout_StopsWithLastFailure()
    {
        using var harness = PaymentClientHarness.Create(configure: o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(8);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(30);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
        });
        harness.Primary.Always(HttpStatusCode.TooManyRequests);

        var call = harness.PostAsync();
        await ExpectNextAttemptAfterAsync(harness, call, TimeSpan.FromSeconds(8), expectedAttempts: 2);

        // The next wait would be 16 s, ending at 24 s > 20 s: the rate limit is returned instead of slept on.
        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => call.WaitAsync(TaskAssertions.Bound));
        exception.Attempts.ShouldBe(2);
    }

    /// <summary>A response whose Retry-After is written raw, as it would arrive: no System.Net validation on the way.</summary>
    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> RawRetryAfter(HttpStatusCode status, string value) => (_, _) =>
    {
        var response = ScriptedHandler.Json(status, "{}");
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return Task.FromResult(response);
    };

    private static async Task ExpectNextAttemptAfterAsync(PaymentClientHarness harness, Task call, TimeSpan delay, int expectedAttempts)
    {
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(delay));
        harness.Time.Advance(delay - TimeSpan.FromMilliseconds(1));
        (await TaskAssertions.IsStillPendingAsync(call)).ShouldBeTrue();
        harness.Primary.Attempts.ShouldBe(expectedAttempts - 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await TaskAssertions.WaitUntilAsync(() => harness.Primary.Attempts == expectedAttempts);
    }
}
