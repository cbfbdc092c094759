using System.Net;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxOutageTests
{
    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Outage_EveryRequest503NothingChargedAndEveryRequestCounted(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider, o => o.Retry.MaxRetryAttempts = 2);
        sandbox.SetOutage(provider, true);

        // PlexyPay and PagarStar say "service unavailable" in the body (the provider did not act): the payment is
        // retried like the lookup. The others send a bare 503, which an unsafe POST must not retry.
        var saysNotProcessed = provider is PaymentProvider.PlexyPay or PaymentProvider.PagarStar;
        PaymentProviderException payment = saysNotProcessed
            ? await Should.ThrowAsync<ProviderUnavailableException>(() => client.PayAsync(provider, "out-1"))
            : await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "out-1"));
        var lookup = await Should.ThrowAsync<ProviderUnavailableException>(() => client.QueryAsync(provider, "out-1"));

        payment.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        payment.Attempts.ShouldBe(saysNotProcessed ? 3 : 1);
        lookup.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        lookup.Attempts.ShouldBe(3);
        sandbox.RequestCount(provider).ShouldBe(payment.Attempts + 3);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Outage_Ended_PaymentsGoThroughAgain()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);
        sandbox.SetOutage(PaymentProvider.Paysafe, true);
        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(PaymentProvider.Paysafe, "out-2"));

        sandbox.SetOutage(PaymentProvider.Paysafe, false);
        using var response = await client.PayAsync(PaymentProvider.Paysafe, "out-2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, "out-2").ShouldBe(1);
    }

    [Fact]
    public async Task Outage_OneProvider_OthersUnaffected()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var plutu = SandboxClient.Create(sandbox, PaymentProvider.Plutu);
        sandbox.SetOutage(PaymentProvider.PagarStar, true);

        using var response = await plutu.PayAsync(PaymentProvider.Plutu, "out-3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(PaymentProvider.PagarStar).ShouldBe(0);
    }

    [Fact]
    public async Task Outage_AnsweredBeforeCredentialsAreChecked()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var anonymous = SandboxClient.Create(sandbox, PaymentProvider.Plutu, withCredentials: false);
        sandbox.SetOutage(PaymentProvider.Plutu, true);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => anonymous.PayAsync(PaymentProvider.Plutu, "out-4"));

        exception.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu, "SERVICE_UNAVAILABLE")]
    [InlineData(PaymentProvider.PlexyPay, "1")]
    [InlineData(PaymentProvider.Paysafe, null)]
    [InlineData(PaymentProvider.PagarStar, "8001")]
    public async Task Outage_ProviderEnvelope(PaymentProvider provider, string? code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);
        sandbox.SetOutage(provider, true);

        using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "out-5"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe(code);
    }

    [Fact]
    public async Task Outage_MakeCommerce_503WithoutBody()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.MakeCommerce);
        sandbox.SetOutage(PaymentProvider.MakeCommerce, true);

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.MakeCommerce, "out-6"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Outage_OpensTheCircuit_ThenCallsFailFastWithoutReachingTheServer()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.MakeCommerce, o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        sandbox.SetOutage(PaymentProvider.MakeCommerce, true);
        await Should.ThrowAsync<ProviderUnavailableException>(() => client.QueryAsync(PaymentProvider.MakeCommerce, "cb-1"));
        await Should.ThrowAsync<ProviderUnavailableException>(() => client.QueryAsync(PaymentProvider.MakeCommerce, "cb-1"));

        var exception = await Should.ThrowAsync<ProviderCircuitOpenException>(() => client.PayAsync(PaymentProvider.MakeCommerce, "cb-2"));

        exception.Attempts.ShouldBe(0);
        exception.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        sandbox.RequestCount(PaymentProvider.MakeCommerce).ShouldBe(2);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Declines_NeverOpenTheCircuit()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay, o =>
        {
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<ProviderDeclinedException>(() => client.PayAsync(PaymentProvider.PlexyPay, "decl-" + i, card: SandboxCards.GenericDecline));
        }

        using var response = await client.PayAsync(PaymentProvider.PlexyPay, "paid-after-declines");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(5);
    }
}
