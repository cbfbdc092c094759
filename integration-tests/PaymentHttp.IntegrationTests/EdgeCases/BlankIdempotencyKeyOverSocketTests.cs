using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.EdgeCases;

/// <summary>
/// An idempotency-key header that is empty or blank gives the provider nothing to match a repeat by, so it must not
/// make a payment POST retryable. Before, its mere presence did: a 503 reached the provider 4 times.
/// </summary>
public sealed class BlankIdempotencyKeyOverSocketTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t ")]
    public async Task PlexyPayPost_BlankDefaultKey_503_OneRequestOutcomeUnknown(string key)
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.PlexyPay);

        var (exchange, failure) = await edge.PostAsync(
            new RawResponseBuilder(503).Build(), r => r.Headers.TryAddWithoutValidation("Idempotency-Key", key).ShouldBeTrue());

        exchange.Served.ShouldBe(1);
        failure.ShouldBeOfType<ProviderOutcomeUnknownException>().Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_BlankConfiguredKey_502_OneRequestOutcomeUnknown()
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.Paysafe, o => o.IdempotencyKeyHeader = "X-Request-Key");

        var (exchange, failure) = await edge.PostAsync(
            new RawResponseBuilder(502).Build(), r => r.Headers.TryAddWithoutValidation("X-Request-Key", "  ").ShouldBeTrue());

        exchange.Served.ShouldBe(1);
        failure.ShouldBeOfType<ProviderOutcomeUnknownException>();
    }

    /// <summary>The control: a real key makes the same POST retryable, and every attempt reaches the server.</summary>
    [Fact]
    public async Task PlexyPayPost_RealKey_503_RetriedUntilTheLimit()
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.PlexyPay);

        var (exchange, failure) = await edge.PostAsync(
            new RawResponseBuilder(503).Build(), r => r.Headers.Add("Idempotency-Key", "order-7"));

        exchange.Served.ShouldBe(4);
        failure.ShouldBeOfType<ProviderUnavailableException>().Attempts.ShouldBe(4);
    }
}
