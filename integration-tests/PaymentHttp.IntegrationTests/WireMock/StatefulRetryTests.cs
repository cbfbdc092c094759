using System.Net;
using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.WireMock;

/// <summary>
/// WireMock scenarios that fail twice and then succeed: which requests PaymentHttp retries to success and which it
/// stops at the first failure, counted in WireMock.Net's request log.
/// </summary>
public sealed class StatefulRetryTests : WireMockTest
{
    private const string UnavailableTwiceThenOk = "/scenarios/unavailable-twice-then-ok";
    private const string RateLimitedTwiceThenOk = "/scenarios/rate-limited-twice-then-ok";

    public StatefulRetryTests(WireMockServerFixture server)
        : base(server)
    {
    }

    [Fact]
    public async Task UnavailableTwiceThenOk_OnGet_SucceedsAfterThreeRequests()
    {
        var client = CreateClient(PaymentProvider.Paysafe);

        using var response = await client.GetAsync(UnavailableTwiceThenOk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("COMPLETED");
        (await RequestsReceivedAsync(UnavailableTwiceThenOk)).ShouldBe(3);
    }

    [Fact]
    public async Task UnavailableTwiceThenOk_OnPaymentPost_StopsAtFirst503AsOutcomeUnknown()
    {
        var client = CreateClient(PaymentProvider.Paysafe);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(UnavailableTwiceThenOk));

        exception.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        exception.Attempts.ShouldBe(1);
        (await RequestsReceivedAsync(UnavailableTwiceThenOk)).ShouldBe(1);
    }

    [Fact]
    public async Task UnavailableTwiceThenOk_OnPostMarkedIdempotent_SucceedsAfterThreeRequests()
    {
        var client = CreateClient(PaymentProvider.Paysafe);
        using var request = new HttpRequestMessage(HttpMethod.Post, UnavailableTwiceThenOk.TrimStart('/'))
        {
            Content = new StringContent("""{"merchantRefNum":"order-1001"}"""),
        };
        request.MarkAsIdempotent();

        using var response = await client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RequestsReceivedAsync(UnavailableTwiceThenOk)).ShouldBe(3);
    }

    [Fact]
    public async Task UnavailableTwiceThenOk_OnPlexyPayPostWithIdempotencyKey_SucceedsAfterThreeRequests()
    {
        var client = CreateClient(PaymentProvider.PlexyPay);
        using var request = new HttpRequestMessage(HttpMethod.Post, UnavailableTwiceThenOk.TrimStart('/'))
        {
            Content = new StringContent("""{"amount":2500,"currency":"eur"}"""),
        };
        request.Headers.Add("Idempotency-Key", "order-1001-attempt-1");

        using var response = await client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RequestsReceivedAsync(UnavailableTwiceThenOk)).ShouldBe(3);
    }

    [Fact]
    public async Task RateLimitedTwiceThenOk_OnPaymentPost_SucceedsAfterThreeRequests()
    {
        var client = CreateClient(PaymentProvider.Paysafe);

        using var response = await client.PostAsync(RateLimitedTwiceThenOk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RequestsReceivedAsync(RateLimitedTwiceThenOk)).ShouldBe(3);
    }
}
