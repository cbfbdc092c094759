using System.Diagnostics;
using System.Net;
using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.WireMock;

public sealed class RateLimitTests : WireMockTest
{
    private const string TooManyRequestsRetryAfter120 = "/plutu/api/v1/transaction/edfali/confirm/confirm-too-many-requests-429";
    private const string PaysafeRateExceeded = "/paysafe/paymenthub/v1/payments/payment-rate-exceeded-1200-429";

    public RateLimitTests(WireMockServerFixture server)
        : base(server)
    {
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxDelay_FailsAtOnceWithRetryAfterAfterOneRequest()
    {
        var client = CreateClient(PaymentProvider.Plutu, options => options.Retry.MaxDelay = TimeSpan.FromSeconds(10));
        var elapsed = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => client.PostAsync(TooManyRequestsRetryAfter120));

        elapsed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5)); // the 120 s wait was not slept
        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        exception.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        exception.Attempts.ShouldBe(1);
        (await RequestsReceivedAsync(TooManyRequestsRetryAfter120)).ShouldBe(1);
    }

    [Fact]
    public async Task RateLimitedEveryTime_OnPaymentPost_IsRetriedThenRateLimited()
    {
        // A 429 means the provider did not act, so even a payment POST is retried.
        var client = CreateClient(PaymentProvider.Paysafe);

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => client.PostAsync(PaysafeRateExceeded));

        exception.RetryAfter.ShouldBeNull();
        exception.Attempts.ShouldBe(PaymentClientOverWireMock.DefaultMaxRetryAttempts + 1);
        (await RequestsReceivedAsync(PaysafeRateExceeded)).ShouldBe(PaymentClientOverWireMock.DefaultMaxRetryAttempts + 1);
    }
}
