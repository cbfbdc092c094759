using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentHttp.Tests.Resilience;

/// <summary>
/// The public predicates as another library's pipeline would call them: with only the outcome and a context that
/// holds the request under Microsoft.Extensions.Http.Resilience's key.
/// </summary>
public sealed class PaymentResiliencePredicatesTests
{
    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    [InlineData("PUT", false)]
    public async Task ShouldRetry_AttemptTimeout_OnlyForSafeRequests(string method, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://p.test/");
        var context = ContextWith(request);

        var retry = await PaymentResiliencePredicates.ShouldRetry(new RetryPredicateArguments<HttpResponseMessage>(
            context, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), 0));

        retry.ShouldBe(expected);
        ResilienceContextPool.Shared.Return(context);
    }

    [Fact]
    public async Task ShouldRetry_PostMarkedIdempotent_RetriedAfterTimeout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://p.test/").MarkAsIdempotent();
        var context = ContextWith(request);

        var retry = await PaymentResiliencePredicates.ShouldRetry(new RetryPredicateArguments<HttpResponseMessage>(
            context, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), 0));

        retry.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldRetry_RawHttpRequestException_ClassifiedByWhetherItWasSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://p.test/");
        var context = ContextWith(request);

        var refused = await PaymentResiliencePredicates.ShouldRetry(new RetryPredicateArguments<HttpResponseMessage>(
            context, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError)), 0));
        var reset = await PaymentResiliencePredicates.ShouldRetry(new RetryPredicateArguments<HttpResponseMessage>(
            context, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded)), 0));

        refused.ShouldBeTrue();
        reset.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldRetry_TypedExceptionFromPaymentHttpInside_UsesItsError()
    {
        var context = ResilienceContextPool.Shared.Get();
        var throttled = new ProviderRateLimitedException(new ProviderError(PaymentErrorCategory.RateLimited, "x").CompleteFor(null, null, null, false));
        var declined = new ProviderDeclinedException(new ProviderError(PaymentErrorCategory.Declined, "x").CompleteFor(null, null, null, true));
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);

        (await PaymentResiliencePredicates.ShouldRetry(new(context, Outcome.FromException<HttpResponseMessage>(throttled), 0))).ShouldBeTrue();
        (await PaymentResiliencePredicates.ShouldRetry(new(context, Outcome.FromException<HttpResponseMessage>(declined), 0))).ShouldBeFalse();
        (await PaymentResiliencePredicates.ShouldRetry(new(context, Outcome.FromResult(ok), 0))).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldRetry_OpenCircuitOrCancellation_Never()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var context = ResilienceContextPool.Shared.Get(cancelled.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://p.test/");
        context.Properties.Set(new ResiliencePropertyKey<HttpRequestMessage>("Resilience.Http.RequestMessage"), request);

        (await PaymentResiliencePredicates.ShouldRetry(new(context, Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException()), 0))).ShouldBeFalse();
        (await PaymentResiliencePredicates.ShouldRetry(new(context, Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), 0))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(PaymentErrorCategory.Transient, true)]
    [InlineData(PaymentErrorCategory.RateLimited, true)]
    [InlineData(PaymentErrorCategory.OutcomeUnknown, true)]
    [InlineData(PaymentErrorCategory.Declined, false)]
    [InlineData(PaymentErrorCategory.InvalidRequest, false)]
    [InlineData(PaymentErrorCategory.Conflict, false)]
    [InlineData(PaymentErrorCategory.Authentication, false)]
    [InlineData(PaymentErrorCategory.Configuration, false)]
    public async Task ShouldBreakCircuit_CountsOnlyProviderTrouble(PaymentErrorCategory category, bool expected)
    {
        var context = ResilienceContextPool.Shared.Get();
        var failure = ProviderExceptionFactory.Create(new ProviderError(category, "x"), attempts: 1);

        var counts = await PaymentResiliencePredicates.ShouldBreakCircuit(
            new CircuitBreakerPredicateArguments<HttpResponseMessage>(context, Outcome.FromException<HttpResponseMessage>(failure)));

        counts.ShouldBe(expected);
    }

    [Fact]
    public async Task ShouldBreakCircuit_TimeoutsAndNetworkFailuresCount_SuccessDoesNot()
    {
        var context = ResilienceContextPool.Shared.Get();
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);

        (await PaymentResiliencePredicates.ShouldBreakCircuit(new(context, Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())))).ShouldBeTrue();
        (await PaymentResiliencePredicates.ShouldBreakCircuit(new(context, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError))))).ShouldBeTrue();
        (await PaymentResiliencePredicates.ShouldBreakCircuit(new(context, Outcome.FromResult(ok)))).ShouldBeFalse();
    }

    private static ResilienceContext ContextWith(HttpRequestMessage request)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(new ResiliencePropertyKey<HttpRequestMessage>("Resilience.Http.RequestMessage"), request);
        return context;
    }
}
