using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.WireMock;

public sealed class CircuitBreakerTests : WireMockTest
{
    private const string Outage = "/outages/always-unavailable";
    private const string Decline = "/plexypay/v1/payment_intents/envelope-b-card-declined-402";
    private const int MinimumThroughput = 4;
    private const int CallsWhileOpen = 3;

    public CircuitBreakerTests(WireMockServerFixture server)
        : base(server)
    {
    }

    private static void TripAfterFourFailures(PaymentProviderClientOptions options)
    {
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.MinimumThroughput = MinimumThroughput;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30); // stays open for the whole test
    }

    [Fact]
    public async Task Outage_OpensCircuit_ThenCallsFailFastWithoutReachingTheProvider()
    {
        var client = CreateClient(PaymentProvider.Plutu, TripAfterFourFailures);
        for (var call = 0; call < MinimumThroughput; call++)
        {
            var failure = await Should.ThrowAsync<ProviderUnavailableException>(() => client.GetAsync(Outage));
            failure.ShouldNotBeOfType<ProviderCircuitOpenException>();
        }

        (await RequestsReceivedAsync(Outage)).ShouldBe(MinimumThroughput);

        for (var call = 0; call < CallsWhileOpen; call++)
        {
            var open = await Should.ThrowAsync<ProviderCircuitOpenException>(() => call % 2 == 0 ? client.GetAsync(Outage) : client.PostAsync(Outage));
            open.Attempts.ShouldBe(0);
            open.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        }

        (await RequestsReceivedAsync(Outage)).ShouldBe(MinimumThroughput);
    }

    [Fact]
    public async Task Declines_NeverOpenCircuit()
    {
        const int Declines = 10;
        var client = CreateClient(PaymentProvider.PlexyPay, TripAfterFourFailures);

        for (var call = 0; call < Declines; call++)
        {
            await Should.ThrowAsync<ProviderDeclinedException>(() => client.PostAsync(Decline));
        }

        (await RequestsReceivedAsync(Decline)).ShouldBe(Declines);
    }
}
