using System.Diagnostics;
using PaymentHttp.IntegrationTests.BadInput;
using PaymentHttp.IntegrationTests.Infrastructure;
using Polly.Timeout;

namespace PaymentHttp.IntegrationTests.WireMock;

/// <summary>
/// The provider holds the request longer than <see cref="PaymentProviderClientOptions.AttemptTimeout"/> (1 s here,
/// against delays of 5 s): it may be processing the payment right now. The whole answer held back is WireMock.Net's
/// <c>Delay</c>; headers at once and a late body is a socket-level script of the raw socket server.
/// </summary>
public sealed class AttemptTimeoutTests : WireMockTest
{
    private const string FixedDelay = "/delays/fixed-delay-5s";
    private static readonly TimeSpan ServerDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WellBeforeTheDelayEnds = TimeSpan.FromSeconds(4);

    public AttemptTimeoutTests(WireMockServerFixture server)
        : base(server)
    {
    }

    [Fact]
    public async Task DelayBeyondAttemptTimeout_OnPaymentPost_IsOutcomeUnknownAfterOneRequest()
    {
        var client = CreateClient(PaymentProvider.Plutu, options => options.AttemptTimeout = AttemptTimeout);
        var elapsed = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(FixedDelay));

        elapsed.Elapsed.ShouldBeLessThan(WellBeforeTheDelayEnds);
        exception.Attempts.ShouldBe(1);
        exception.StatusCode.ShouldBeNull();
        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>();
        (await RequestsReceivedAfterDelayAsync(FixedDelay, 1, ServerDelay, Stopwatch.StartNew())).ShouldBe(1);
    }

    [Fact]
    public async Task DelayBeyondAttemptTimeout_OnGet_IsRetriedThenUnavailable()
    {
        var client = CreateClient(PaymentProvider.Plutu, options => options.AttemptTimeout = AttemptTimeout);

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => client.GetAsync(FixedDelay));

        exception.Attempts.ShouldBe(PaymentClientOverWireMock.DefaultMaxRetryAttempts + 1);
        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>();
        (await RequestsReceivedAfterDelayAsync(FixedDelay, PaymentClientOverWireMock.DefaultMaxRetryAttempts + 1, ServerDelay, Stopwatch.StartNew()))
            .ShouldBe(PaymentClientOverWireMock.DefaultMaxRetryAttempts + 1);
    }

    [Fact]
    public async Task SuccessBodyOutlastingAttemptTimeout_OnPaymentPost_IsOutcomeUnknownAfterOneRequest()
    {
        // 200 and its headers arrive at once: the provider accepted the payment, but its answer is lost.
        await using var rawServer = RawHttpServer.Start();
        var slowBody = rawServer.Add("slow-body-5s", SocketFaults.SuccessWithBodyAfter(ServerDelay));
        var client = PaymentClientOverWireMock.Create(rawServer.BaseAddress, PaymentProvider.Plutu, options => options.AttemptTimeout = AttemptTimeout);
        using var disposeClient = client;
        var elapsed = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PostAsync(RawHttpServer.PathOf(slowBody)));

        elapsed.Elapsed.ShouldBeLessThan(WellBeforeTheDelayEnds);
        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>();
        slowBody.Served.ShouldBe(1);
        slowBody.BytesAccepted.ShouldBeLessThan(slowBody.Response.Bytes.Length + slowBody.Response.FillerBytes); // the body never went out
    }
}
