using PaymentHttp.IntegrationTests.BadInput;
using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.NetworkFaults;

/// <summary>
/// Connection faults after the provider has read the whole request, put on the wire by the raw socket server
/// (<see cref="RawHttpServer"/>, <see cref="SocketFaults"/>), so the provider has received it: a payment POST may have
/// been processed and must end in <see cref="ProviderOutcomeUnknownException"/> after exactly one request, while a GET
/// is safe to repeat and is retried. The server counts every request that reached it.
/// </summary>
public sealed class NetworkFaultTests : IAsyncLifetime
{
    private const int MaxRetryAttempts = PaymentClientOverWireMock.DefaultMaxRetryAttempts;

    /// <summary>
    /// Each fault, the <see cref="HttpRequestError"/> SocketsHttpHandler reports for it (seen on Linux), and how many
    /// requests reach the server per PaymentHttp attempt of a request without content: SocketsHttpHandler itself re-sends
    /// such a request up to 3 more times when the connection closes before any response byte (empty response).
    /// A POST with content reached the server once in every case.
    /// </summary>
    private static readonly (string Fault, HttpRequestError SeenByDotNet, int SendsPerAttemptWithoutContent)[] AllFaults =
    [
        ("/faults/connection-reset-by-peer", HttpRequestError.Unknown, 1),       // IOException over SocketException(ConnectionReset)
        ("/faults/empty-response", HttpRequestError.ResponseEnded, 4),           // "The response ended prematurely"
        ("/faults/malformed-response-chunk", HttpRequestError.ResponseEnded, 1), // 200 and headers arrived, then the body broke off
        ("/faults/random-data-then-close", HttpRequestError.ResponseEnded, 1),
    ];

    private readonly RawHttpServer _server = RawHttpServer.Start();
    private readonly List<PaymentClientOverWireMock> _clients = [];

    public static TheoryData<string, HttpRequestError> Faults()
    {
        var data = new TheoryData<string, HttpRequestError>();
        foreach (var fault in AllFaults)
        {
            data.Add(fault.Fault, fault.SeenByDotNet);
        }

        return data;
    }

    public static TheoryData<string, HttpRequestError, int> FaultsWithSendsPerAttempt()
    {
        var data = new TheoryData<string, HttpRequestError, int>();
        foreach (var fault in AllFaults)
        {
            data.Add(fault.Fault, fault.SeenByDotNet, fault.SendsPerAttemptWithoutContent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_OnPaymentPost_IsOutcomeUnknownAfterOneRequest(string fault, HttpRequestError seenByDotNet)
    {
        var exchange = Script(fault);
        var client = CreateClient();

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(RawHttpServer.PathOf(exchange)));

        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(seenByDotNet);
        exchange.Served.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_OnPaymentPostOverAReusedConnection_IsStillSentOnce(string fault, HttpRequestError seenByDotNet)
    {
        var warm = _server.Add("warm-up", SocketFaults.Ok());
        var exchange = Script(fault);
        var client = CreateClient();
        using (var warmUp = await client.GetAsync(RawHttpServer.PathOf(warm)))
        {
            warmUp.IsSuccessStatusCode.ShouldBeTrue(); // the pooled connection is now idle and will be reused
        }

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(RawHttpServer.PathOf(exchange)));

        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(seenByDotNet);
        exchange.Served.ShouldBe(1);
        _server.ConnectionsAccepted.ShouldBe(1); // the POST did go over the warmed-up connection
    }

    [Theory]
    [MemberData(nameof(FaultsWithSendsPerAttempt))]
    public async Task Fault_OnGet_IsRetriedThenUnavailable(string fault, HttpRequestError seenByDotNet, int sendsPerAttempt)
    {
        var exchange = Script(fault);
        var client = CreateClient();

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => client.GetAsync(RawHttpServer.PathOf(exchange)));

        exception.ShouldNotBeOfType<ProviderCircuitOpenException>();
        exception.Category.ShouldBe(PaymentErrorCategory.Transient);
        exception.Attempts.ShouldBe(MaxRetryAttempts + 1);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(seenByDotNet);
        exchange.Served.ShouldBe((MaxRetryAttempts + 1) * sendsPerAttempt);
    }

    /// <summary>
    /// Regression test for a money-safety bug this suite found: SocketsHttpHandler re-sends a request without content
    /// up to 3 more times when the connection closes before any response byte, so this POST reached the server 4 times
    /// while PaymentHttp reported one attempt.
    /// </summary>
    [Fact]
    public async Task EmptyResponse_OnPaymentPostWithoutBody_IsSentOnce()
    {
        var exchange = _server.Add("empty-response", SocketFaults.EmptyResponse());
        var client = CreateClient();

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.Http.PostAsync(RawHttpServer.PathOf(exchange), content: null));

        exception.Attempts.ShouldBe(1);
        exchange.Served.ShouldBe(1);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
        _server.UnknownRequests.ShouldBe(0, "requests to paths the test did not script");
    }

    private RawExchange Script(string fault) => _server.Add(fault, fault switch
    {
        "/faults/connection-reset-by-peer" => SocketFaults.ConnectionResetByPeer(),
        "/faults/empty-response" => SocketFaults.EmptyResponse(),
        "/faults/malformed-response-chunk" => SocketFaults.MalformedResponseChunk(),
        "/faults/random-data-then-close" => SocketFaults.RandomDataThenClose(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault."),
    });

    private PaymentClientOverWireMock CreateClient()
    {
        var client = PaymentClientOverWireMock.Create(_server.BaseAddress, PaymentProvider.Paysafe);
        _clients.Add(client);
        return client;
    }
}
