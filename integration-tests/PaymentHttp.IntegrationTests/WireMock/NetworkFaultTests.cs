using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.WireMock;

/// <summary>
/// WireMock's faults happen after it has read the whole request, so the provider has received it: a payment POST
/// may have been processed and must end in <see cref="ProviderOutcomeUnknownException"/> after exactly one request,
/// while a GET is safe to repeat and is retried.
/// </summary>
public sealed class NetworkFaultTests : WireMockTest
{
    private const int MaxRetryAttempts = PaymentClientOverWireMock.DefaultMaxRetryAttempts;

    /// <summary>
    /// Each fault, the <see cref="HttpRequestError"/> SocketsHttpHandler reports for it (seen on Linux), and how many
    /// requests reach WireMock per PaymentHttp attempt of a request without content: SocketsHttpHandler itself re-sends
    /// such a request up to 3 more times when the connection closes before any response byte (EMPTY_RESPONSE).
    /// A POST with content reached WireMock once in every case.
    /// </summary>
    private static readonly (string UrlPath, HttpRequestError SeenByDotNet, int SendsPerAttemptWithoutContent)[] AllFaults =
    [
        ("/faults/connection-reset-by-peer", HttpRequestError.Unknown, 1),       // IOException over SocketException(ConnectionReset)
        ("/faults/empty-response", HttpRequestError.ResponseEnded, 4),           // "The response ended prematurely"
        ("/faults/malformed-response-chunk", HttpRequestError.ResponseEnded, 1), // 200 and headers arrived, then the body broke off
        ("/faults/random-data-then-close", HttpRequestError.ResponseEnded, 1),
    ];

    public NetworkFaultTests(WireMockServerFixture server)
        : base(server)
    {
    }

    public static TheoryData<string, HttpRequestError> Faults()
    {
        var data = new TheoryData<string, HttpRequestError>();
        foreach (var fault in AllFaults)
        {
            data.Add(fault.UrlPath, fault.SeenByDotNet);
        }

        return data;
    }

    public static TheoryData<string, HttpRequestError, int> FaultsWithSendsPerAttempt()
    {
        var data = new TheoryData<string, HttpRequestError, int>();
        foreach (var fault in AllFaults)
        {
            data.Add(fault.UrlPath, fault.SeenByDotNet, fault.SendsPerAttemptWithoutContent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_OnPaymentPost_IsOutcomeUnknownAfterOneRequest(string urlPath, HttpRequestError seenByDotNet)
    {
        var client = CreateClient(PaymentProvider.Paysafe);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(urlPath));

        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(seenByDotNet);
        (await RequestsReceivedAsync(urlPath)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_OnPaymentPostOverAReusedConnection_IsStillSentOnce(string urlPath, HttpRequestError seenByDotNet)
    {
        await Server.Admin.AddMappingAsync("""{ "request": { "method": "GET", "urlPath": "/warm-up" }, "response": { "status": 200, "body": "ok" } }""");
        var client = CreateClient(PaymentProvider.Paysafe);
        using (var warmUp = await client.GetAsync("/warm-up"))
        {
            warmUp.IsSuccessStatusCode.ShouldBeTrue(); // the pooled connection is now idle and will be reused
        }

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(urlPath));

        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(seenByDotNet);
        (await RequestsReceivedAsync(urlPath)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(FaultsWithSendsPerAttempt))]
    public async Task Fault_OnGet_IsRetriedThenUnavailable(string urlPath, HttpRequestError seenByDotNet, int sendsPerAttempt)
    {
        var client = CreateClient(PaymentProvider.Paysafe);

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => client.GetAsync(urlPath));

        exception.ShouldNotBeOfType<ProviderCircuitOpenException>();
        exception.Category.ShouldBe(PaymentErrorCategory.Transient);
        exception.Attempts.ShouldBe(MaxRetryAttempts + 1);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(seenByDotNet);
        (await RequestsReceivedAsync(urlPath)).ShouldBe((MaxRetryAttempts + 1) * sendsPerAttempt);
    }

    /// <summary>
    /// Regression test for a money-safety bug this suite found: SocketsHttpHandler re-sends a request without content
    /// up to 3 more times when the connection closes before any response byte, so this POST reached WireMock 4 times
    /// while PaymentHttp reported one attempt.
    /// </summary>
    [Fact]
    public async Task EmptyResponse_OnPaymentPostWithoutBody_IsSentOnce()
    {
        var client = CreateClient(PaymentProvider.Paysafe);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.Http.PostAsync("faults/empty-response", content: null));

        exception.Attempts.ShouldBe(1);
        (await RequestsReceivedAsync("/faults/empty-response")).ShouldBe(1);
    }
}
