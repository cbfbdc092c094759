using System.Net;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxDeclineTests
{
    [Theory]
    [InlineData(PaymentProvider.PlexyPay)]
    [InlineData(PaymentProvider.Paysafe)]
    public async Task Pay_DeclinedAmount_DeclinedExceptionAndNoCharge(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => client.PayAsync(provider, "decl-1", SandboxAmounts.Declined));

        exception.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SandboxCards.GenericDecline, "card_declined", "generic_decline")]
    [InlineData(SandboxCards.InsufficientFunds, "card_declined", "insufficient_funds")]
    [InlineData(SandboxCards.ExpiredCard, "expired_card", null)]
    [InlineData(SandboxCards.IncorrectCvc, "incorrect_cvc", null)]
    public async Task Pay_PlexyPayTestCard_CardErrorEnvelope(string card, string code, string? declineCode)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PlexyPay);

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.PlexyPay, "card-1", card: card));

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        var error = (await ProviderBodies.JsonAsync(response)).GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("card_error");
        error.GetProperty("code").GetString().ShouldBe(code);
        (error.TryGetProperty("decline_code", out var decline) ? decline.GetString() : null).ShouldBe(declineCode);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PlexyPayApprovedTestCard_Charged()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);

        using var response = await client.PayAsync(PaymentProvider.PlexyPay, "card-2", card: SandboxCards.Approved);

        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "card-2").ShouldBe(1);
    }

    [Theory]
    [InlineData(SandboxAmounts.Declined, "DECLINED", "3009")]
    [InlineData(SandboxAmounts.DeclinedByGateway, "FAILED", "ALTERNATE-PAYMENTS-INT-4")]
    public async Task Pay_PaysafeDecline_Http402WithWholePaymentObject(int amount, string status, string code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Paysafe);

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "ps-decl", amount));

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        response.Headers.GetValues("X-Application-Error-Code").ShouldBe([code]);
        var body = await ProviderBodies.JsonAsync(response);
        body.GetProperty("merchantRefNum").GetString().ShouldBe("ps-decl");
        body.GetProperty("amount").GetInt64().ShouldBe((long)amount);
        body.GetProperty("status").GetString().ShouldBe(status);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe(code);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PaysafeGatewayDecline_DeclinedException()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);

        await Should.ThrowAsync<ProviderDeclinedException>(() => client.PayAsync(PaymentProvider.Paysafe, "ps-gw", SandboxAmounts.DeclinedByGateway));
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu, SandboxAmounts.Declined, HttpStatusCode.BadRequest, "INSUFFICIENT_BALANCE")]
    [InlineData(PaymentProvider.MakeCommerce, SandboxAmounts.Declined, HttpStatusCode.BadRequest, "1035")]
    [InlineData(PaymentProvider.PagarStar, SandboxAmounts.Declined, HttpStatusCode.OK, "1004")]
    [InlineData(PaymentProvider.Paysafe, SandboxAmounts.FailedInOkResponse, HttpStatusCode.OK, "ALTERNATE-PAYMENTS-GATEWAY-4")]
    public async Task Pay_DeclineNeedingProviderCode_RawEnvelopeAndNoCharge(PaymentProvider provider, int amount, HttpStatusCode status, string code)
    {
        // The envelope on the wire; SandboxProviderCodeTests checks the typed decline PaymentHttp makes of it.
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);

        using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "decl-raw", amount));

        response.StatusCode.ShouldBe(status);
        var body = await ProviderBodies.JsonAsync(response);
        ProviderBodies.Code(body).ShouldBe(code);
        ProviderBodies.IsApproved(provider, body).ShouldBeFalse();
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PaysafeFailedInOkResponse_PaymentObjectWithStatusFailed()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Paysafe);

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "ps-200", SandboxAmounts.FailedInOkResponse));

        var body = await ProviderBodies.JsonAsync(response);
        body.GetProperty("status").GetString().ShouldBe("FAILED");
        body.GetProperty("merchantRefNum").GetString().ShouldBe("ps-200");
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_AfterDecline_SameReferenceCanStillBePaid(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);
        (await raw.SendAsync(SandboxRequests.Payment(provider, "retry-card", SandboxAmounts.Declined))).Dispose();

        using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "retry-card", 30m));

        ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(provider, "retry-card").ShouldBe(1);
    }
}
