using System.Net;
using System.Text;
using PaymentHttp.Tests.TestUtilities;
using Polly.Timeout;

namespace PaymentHttp.Tests.Resilience;

public sealed class RetryTests
{
    [Fact]
    public async Task Post_RateLimitedThenSuccess_RetriedAndSuccessReturned()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, """{"id":"p_1"}""");

        using var response = await harness.PostAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"id":"p_1"}""");
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ServerErrorThenSuccess_Retried()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.BadGateway).Respond(HttpStatusCode.OK, "{}");

        using var response = await harness.GetAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task Post_ServerError_NotRetriedAndOutcomeUnknown()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK, "{}");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("reconcile");
    }

    [Fact]
    public async Task Post_ServerErrorWithConfiguredIdempotencyKeyHeader_Retried()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.IdempotencyKeyHeader = "X-Request-Key");
        harness.Primary.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };
        request.Headers.Add("X-Request-Key", "order-42");

        using var response = await harness.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
        harness.Primary.Requests.ShouldAllBe(r => r.Headers["X-Request-Key"] == "order-42");
    }

    [Fact]
    public async Task Post_ServerErrorWithOtherHeaderThanConfigured_NotRetried()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.IdempotencyKeyHeader = "X-Request-Key");
        harness.Primary.Respond(HttpStatusCode.InternalServerError);
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "order-42");

        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.Client.SendAsync(request));

        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_PlexyPayIdempotencyKeyByDefault_Retried()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.PlexyPay);
        harness.Primary.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "order-42");

        using var response = await harness.Client.SendAsync(request);

        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_RetriedAfterServerError()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments/query") { Content = new StringContent("{}") };

        using var response = await harness.Client.SendAsync(request.MarkAsIdempotent());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public async Task Post_RequestNeverSent_RetriedEvenThoughUnsafe(HttpRequestError error)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Throw(new HttpRequestException(error, "refused")).Respond(HttpStatusCode.OK, "{}");

        using var response = await harness.PostAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Post_ConnectionRefusedEveryTime_EndsAsUnavailableWithNoStatus()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.PostAsync());

        exception.Attempts.ShouldBe(4);
        exception.StatusCode.ShouldBeNull();
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
        exception.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    [InlineData(HttpRequestError.Unknown)]
    public async Task Post_ConnectionDroppedAfterSending_NotRetriedAndOutcomeUnknown(HttpRequestError error)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Throw(new HttpRequestException(error, "dropped")).Respond(HttpStatusCode.OK, "{}");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        exception.Attempts.ShouldBe(1);
        exception.StatusCode.ShouldBeNull();
        exception.InnerException.ShouldBeOfType<HttpRequestException>();
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Get_ConnectionDroppedThenSuccess_Retried()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "dropped")).Respond(HttpStatusCode.OK, "{}");

        using var response = await harness.GetAsync();

        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ConnectionDroppedEveryTime_EndsAsUnavailable()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());

        exception.Attempts.ShouldBe(4);
        exception.Category.ShouldBe(PaymentErrorCategory.Transient);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.PaymentRequired)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task Get_FinalFailure_NeverRetriedEvenWhenSafe(HttpStatusCode status)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always(status);

        await Should.ThrowAsync<PaymentProviderException>(() => harness.GetAsync());

        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_MaxRetryAttemptsZero_RateLimitNotRetried()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 0);
        harness.Primary.Always(HttpStatusCode.TooManyRequests);

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_StreamContent_SameBytesSentOnEveryAttempt()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");
        var payload = Encoding.UTF8.GetBytes("""{"amount":1999,"currency":"EUR"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments")
        {
            Content = new StreamContent(new MemoryStream(payload)),
        };

        using var response = await harness.Client.SendAsync(request);

        harness.Primary.Attempts.ShouldBe(3);
        harness.Primary.Requests.ShouldAllBe(r => r.Body.SequenceEqual(payload));
    }

    [Fact]
    public async Task Send_DiscardedAndFinalFailedResponses_AreDisposed()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always(HttpStatusCode.TooManyRequests, """{"error":"slow down"}""");

        await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        harness.Primary.OriginalContents.Count.ShouldBe(4);
        harness.Primary.OriginalContents.ShouldAllBe(c => ((TrackedContent)c).IsDisposed);
    }

    [Fact]
    public async Task Send_SuccessAfterRetries_DiscardedDisposedAndFinalKept()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, """{"id":"p_9"}""");

        using var response = await harness.PostAsync();

        ((TrackedContent)harness.Primary.OriginalContents[0]).IsDisposed.ShouldBeTrue();
        ((TrackedContent)harness.Primary.OriginalContents[1]).IsDisposed.ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"id":"p_9"}""");
    }

    [Fact]
    public async Task Send_CallerCancelsDuringBackoff_OperationCanceledAndNoFurtherAttempt()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.BaseDelay = TimeSpan.FromSeconds(5));
        harness.Primary.Always(HttpStatusCode.TooManyRequests);
        using var cancellation = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };

        var call = harness.Client.SendAsync(request, cancellation.Token);
        (await TaskAssertions.IsStillPendingAsync(call)).ShouldBeTrue();
        await cancellation.CancelAsync();

        var exception = await Should.ThrowAsync<OperationCanceledException>(() => call.WaitAsync(TaskAssertions.Bound));
        exception.ShouldNotBeAssignableTo<PaymentProviderException>();
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Send_CallerCancelsDuringAttempt_OperationCanceledNotRetried()
    {
        using var harness = PaymentClientHarness.Create();
        using var cancellation = new CancellationTokenSource();
        var attemptStarted = new TaskCompletionSource();
        harness.Primary.Always(async (_, token) =>
        {
            attemptStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "payments/1");

        var call = harness.Client.SendAsync(request, cancellation.Token);
        await attemptStarted.Task.WaitAsync(TaskAssertions.Bound);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call.WaitAsync(TaskAssertions.Bound));
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_AttemptTimesOut_OutcomeUnknownNotRetried()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        var attemptStarted = new TaskCompletionSource();
        harness.Primary.Always(async (_, token) =>
        {
            attemptStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });

        var call = harness.PostAsync();
        await attemptStarted.Task.WaitAsync(TaskAssertions.Bound);
        harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(9.9));
        (await TaskAssertions.IsStillPendingAsync(call)).ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => call.WaitAsync(TaskAssertions.Bound));
        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>();
        exception.Message.ShouldContain("10 s");
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Get_AttemptTimesOutThenSuccess_Retried()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        var attemptStarted = new TaskCompletionSource();
        harness.Primary
            .Then(async (_, token) =>
            {
                attemptStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            })
            .Respond(HttpStatusCode.OK, "{}");

        var call = harness.GetAsync();
        await attemptStarted.Task.WaitAsync(TaskAssertions.Bound);
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        using var response = await call.WaitAsync(TaskAssertions.Bound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Get_TotalTimeout_CutsTheLastAttemptToTheTimeLeft()
    {
        using var harness = PaymentClientHarness.Create(configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromSeconds(15);
        });
        var started = 0;
        harness.Primary.Always(async (_, token) =>
        {
            Interlocked.Increment(ref started);
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });

        var call = harness.GetAsync();
        await TaskAssertions.WaitUntilAsync(() => started == 1);
        harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await TaskAssertions.WaitUntilAsync(() => started == 2);

        // Second attempt: 5 s left of the 15 s, so its timeout is 5 s, not 10 s.
        await TaskAssertions.WaitUntilAsync(() => harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(5)));
        harness.Time.HasTimerDueIn(TimeSpan.FromSeconds(10)).ShouldBeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => call.WaitAsync(TaskAssertions.Bound));
        exception.Attempts.ShouldBe(2);
        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>().Timeout.ShouldBe(TimeSpan.FromSeconds(5));
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Send_ProgrammingErrorInPrimaryHandler_PropagatesUnchanged()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Throw(new InvalidOperationException("bug"));

        var exception = await Should.ThrowAsync<InvalidOperationException>(() => harness.PostAsync());

        exception.Message.ShouldBe("bug");
        harness.Primary.Attempts.ShouldBe(1);
    }
}
