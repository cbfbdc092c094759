using System.Net;
using System.Text;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

/// <summary>
/// Outcomes that only the provider's own code decides — a decline inside a 400 or a 200, a duplicate inside a 200,
/// "service unavailable" in the body — through the real pipeline: the typed exception, its category and code, the
/// attempts, and what the ledger says.
/// </summary>
public sealed class SandboxProviderCodeTests
{
    [Theory]
    [InlineData(PaymentProvider.Plutu, SandboxAmounts.Declined, HttpStatusCode.BadRequest, "INSUFFICIENT_BALANCE")]
    [InlineData(PaymentProvider.MakeCommerce, SandboxAmounts.Declined, HttpStatusCode.BadRequest, "1035")]
    [InlineData(PaymentProvider.PagarStar, SandboxAmounts.Declined, HttpStatusCode.OK, "1004")]
    [InlineData(PaymentProvider.Paysafe, SandboxAmounts.FailedInOkResponse, HttpStatusCode.OK, "ALTERNATE-PAYMENTS-GATEWAY-4")]
    public async Task Pay_DeclineReportedByProviderCode_DeclinedExceptionAndNoCharge(PaymentProvider provider, int amount, HttpStatusCode status, string code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => client.PayAsync(provider, "decl-code", amount));

        exception.Category.ShouldBe(PaymentErrorCategory.Declined);
        exception.ProviderCode.ShouldBe(code);
        exception.StatusCode.ShouldBe(status);
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Never);
        exception.Attempts.ShouldBe(1);
        sandbox.RequestCount(provider).ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PagarStarWrongMerchant_AuthenticationCode1009AndNoCharge()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PagarStar);
        using var request = SandboxRequests.Payment(PaymentProvider.PagarStar, "auth-code");
        request.Headers.Add(SandboxCredentials.PagarStarMerchantIdHeader, "someone-else");

        var exception = await Should.ThrowAsync<ProviderAuthenticationException>(() => client.Http.SendAsync(request));

        exception.ProviderCode.ShouldBe("1009");
        exception.StatusCode.ShouldBe(HttpStatusCode.OK);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_PagarStarUnknownOrder_NotFoundCode1002()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PagarStar);

        var exception = await Should.ThrowAsync<ProviderNotFoundException>(() => client.QueryAsync(PaymentProvider.PagarStar, "never-paid"));

        exception.ProviderCode.ShouldBe("1002");
        exception.StatusCode.ShouldBe(HttpStatusCode.OK);
        exception.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PagarStarTextPlainThatIsNotCiphertext_AuthenticationCode1017AndNoCharge()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PagarStar);

        var exception = await Should.ThrowAsync<ProviderAuthenticationException>(
            () => client.Http.PostAsync("pay", new StringContent("U2FsdGVkX1+encrypted==", Encoding.UTF8, "text/plain")));

        exception.ProviderCode.ShouldBe("1017");
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PaymentProvider.PagarStar, "8001")]
    [InlineData(PaymentProvider.PlexyPay, "1")]
    public async Task Pay_ServiceUnavailableCode_RetriedEvenForAnUnkeyedPostAndChargedOnce(PaymentProvider provider, string code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "unavail-code", SandboxFault.ProviderError(code), SandboxFault.ProviderError(code));

        using var response = await client.PayAsync(provider, "unavail-code");

        ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.RequestCount(provider).ShouldBe(3);
        sandbox.Ledger.ChargeCount(provider, "unavail-code").ShouldBe(1);
    }

    [Theory]
    [InlineData(PaymentProvider.PagarStar, "8001", HttpStatusCode.OK)]
    [InlineData(PaymentProvider.PlexyPay, "1", HttpStatusCode.ServiceUnavailable)]
    public async Task Pay_ServiceUnavailableCodeUntilRetriesRunOut_UnavailableExceptionNotOutcomeUnknown(PaymentProvider provider, string code, HttpStatusCode status)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider, o => o.Retry.MaxRetryAttempts = 1);
        sandbox.Faults.Plan(provider, "unavail-out", SandboxFault.ProviderError(code), SandboxFault.ProviderError(code));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => client.PayAsync(provider, "unavail-out"));

        exception.ShouldNotBeOfType<ProviderCircuitOpenException>();
        exception.Category.ShouldBe(PaymentErrorCategory.Transient);
        exception.ProviderCode.ShouldBe(code);
        exception.StatusCode.ShouldBe(status);
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
        exception.Attempts.ShouldBe(2);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PaymentProvider.Paysafe, "5017", HttpStatusCode.BadRequest, PaymentErrorCategory.Configuration)]
    [InlineData(PaymentProvider.Paysafe, "5270", HttpStatusCode.Forbidden, PaymentErrorCategory.Authorization)]
    [InlineData(PaymentProvider.MakeCommerce, "1011", HttpStatusCode.BadRequest, PaymentErrorCategory.Configuration)]
    [InlineData(PaymentProvider.MakeCommerce, "1002", HttpStatusCode.BadRequest, PaymentErrorCategory.NotFound)]
    [InlineData(PaymentProvider.PagarStar, "1018", HttpStatusCode.OK, PaymentErrorCategory.Authorization)]
    [InlineData(PaymentProvider.PlexyPay, "5", HttpStatusCode.UnprocessableEntity, PaymentErrorCategory.InvalidRequest)]
    [InlineData(PaymentProvider.Plutu, "OTP_EXPIRED", HttpStatusCode.BadRequest, PaymentErrorCategory.Declined)]
    public async Task Pay_FinalProviderCode_ItsCategoryAtOnceAndNoCharge(PaymentProvider provider, string code, HttpStatusCode status, PaymentErrorCategory category)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "final-code", SandboxFault.ProviderError(code));

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => client.PayAsync(provider, "final-code"));

        exception.Category.ShouldBe(category);
        exception.ProviderCode.ShouldBe(code);
        exception.StatusCode.ShouldBe(status);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PaysafeAccountDisabled5017_ConfigurationExceptionType()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "cfg-1", SandboxFault.ProviderError("5017"));

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => client.PayAsync(PaymentProvider.Paysafe, "cfg-1"));

        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Never);
    }

    [Theory]
    [InlineData(PaymentProvider.MakeCommerce, "2003", HttpStatusCode.BadRequest)]
    [InlineData(PaymentProvider.PlexyPay, "processing_error", HttpStatusCode.PaymentRequired)]
    [InlineData(PaymentProvider.PagarStar, "4001", HttpStatusCode.OK)]
    public async Task Pay_MayHaveBeenProcessedCode_OutcomeUnknownForAnUnsafePostNotRetried(PaymentProvider provider, string code, HttpStatusCode status)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "unknown-code", SandboxFault.ProviderError(code));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "unknown-code"));

        exception.Category.ShouldBe(PaymentErrorCategory.OutcomeUnknown);
        exception.ProviderCode.ShouldBe(code);
        exception.StatusCode.ShouldBe(status);
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        exception.Attempts.ShouldBe(1);
        sandbox.RequestCount(provider).ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty(); // the sandbox's code faults answer without processing: reconcile finds nothing
    }

    [Fact]
    public async Task Pay_MakeCommerce2003MarkedIdempotent_RetriedAndChargedOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.MakeCommerce);
        sandbox.Faults.Plan(PaymentProvider.MakeCommerce, "mc-2003", SandboxFault.ProviderError("2003"));
        using var request = SandboxRequests.Payment(PaymentProvider.MakeCommerce, "mc-2003").MarkAsIdempotent();

        using var response = await client.Http.SendAsync(request);

        ProviderBodies.IsApproved(PaymentProvider.MakeCommerce, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.RequestCount(PaymentProvider.MakeCommerce).ShouldBe(2);
        sandbox.Ledger.ChargeCount(PaymentProvider.MakeCommerce, "mc-2003").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PlexyPayProcessingErrorWithIdempotencyKey_RetriedAndChargedOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);
        sandbox.Faults.Plan(PaymentProvider.PlexyPay, "px-proc", SandboxFault.ProviderError("processing_error"));

        using var response = await client.PayAsync(PaymentProvider.PlexyPay, "px-proc", idempotencyKey: "key-px-proc");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(2);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "px-proc").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PlexyPayProcessingErrorTestCard_OutcomeUnknownAndNothingCharged()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(
            () => client.PayAsync(PaymentProvider.PlexyPay, "px-card", card: SandboxCards.ProcessingError));

        exception.ProviderCode.ShouldBe("processing_error");
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PlexyPayDeclinedTestCard_DeclineCodeCarried()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(
            () => client.PayAsync(PaymentProvider.PlexyPay, "px-funds", card: SandboxCards.InsufficientFunds));

        exception.ProviderCode.ShouldBe("card_declined");
        exception.Error.DeclineCode.ShouldBe("insufficient_funds");
        exception.Error.RequestId.ShouldNotBeNull().ShouldStartWith("req_");
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }
}
