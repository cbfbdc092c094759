using System.Net;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxPaymentTests
{
    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task BaseAddress_AnyProvider_LoopbackPrefixWithTrailingSlash(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();

        var address = sandbox.BaseAddress(provider);

        address.Scheme.ShouldBe("http");
        address.Host.ShouldBe("127.0.0.1");
        address.AbsolutePath.ShouldBe("/" + provider.ToString().ToLowerInvariant() + "/");
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_Approved_ProviderSuccessBodyAndOneCharge(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        var reference = SandboxRequests.NewReference();

        using var response = await client.PayAsync(provider, reference);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(provider, reference).ShouldBe(1);
        var charge = sandbox.Ledger.Charges.ShouldHaveSingleItem();
        charge.Provider.ShouldBe(provider);
        charge.MerchantReference.ShouldBe(reference);
        charge.Amount.ShouldBe(25m);
        sandbox.RequestCount(provider).ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PlutuApproved_ExactEnvelope()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Plutu);

        using var response = await client.PayAsync(PaymentProvider.Plutu, "inv-1001", 25.5m);

        var body = await ProviderBodies.JsonAsync(response);
        body.GetProperty("status").GetInt32().ShouldBe(200);
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        var result = body.GetProperty("result");
        result.GetProperty("invoice_no").GetString().ShouldBe("inv-1001");
        result.GetProperty("amount").GetDecimal().ShouldBe(25.5m);
        result.GetProperty("gateway").GetString().ShouldBe("edfali");
        result.GetProperty("transaction_id").GetString().ShouldBe(sandbox.Ledger.Charges[0].TransactionId);
    }

    [Fact]
    public async Task Pay_PagarStarApproved_Code1000InHttp200()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PagarStar);

        using var response = await client.PayAsync(PaymentProvider.PagarStar, "order-1", 100m);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ProviderBodies.JsonAsync(response);
        body.GetProperty("code").GetInt32().ShouldBe(1000);
        body.GetProperty("data").GetProperty("order_id").GetString().ShouldBe("order-1");
        body.GetProperty("data").GetProperty("amount").GetString().ShouldBe("100.00");
    }

    [Fact]
    public async Task Pay_MakeCommerceTransactionPaymentsEndpoint_TransactionIdIsTheReference()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.MakeCommerce);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/transactions/trx-77/payments")
        {
            Content = new StringContent("""{"amount":12.30,"currency":"EUR","token":"tok_1"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.Ledger.ChargeCount(PaymentProvider.MakeCommerce, "trx-77").ShouldBe(1);
        sandbox.Ledger.Charges[0].Amount.ShouldBe(12.30m);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Query_AfterPayment_FindsTheChargeByReference(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        var reference = SandboxRequests.NewReference();
        (await client.PayAsync(provider, reference)).Dispose();

        using var response = await client.QueryAsync(provider, reference);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain(reference);
        text.ShouldContain(sandbox.Ledger.Charges[0].TransactionId);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.MakeCommerce)]
    public async Task Query_UnknownReference_NotFoundException(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);

        var exception = await Should.ThrowAsync<ProviderNotFoundException>(() => client.QueryAsync(provider, "never-paid"));

        exception.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        exception.Attempts.ShouldBe(1);
    }

    [Theory]
    [InlineData(PaymentProvider.PlexyPay, "data")]
    [InlineData(PaymentProvider.Paysafe, "payments")]
    public async Task Query_UnknownReference_EmptyList(PaymentProvider provider, string listProperty)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);

        using var response = await client.QueryAsync(provider, "never-paid");

        (await ProviderBodies.JsonAsync(response)).GetProperty(listProperty).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Query_PagarStarUnknownOrder_Code1002InHttp200()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PagarStar);

        using var response = await raw.SendAsync(SandboxRequests.Query(PaymentProvider.PagarStar, "never-paid"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe("1002");
    }

    [Fact]
    public async Task Query_PagarStarByPost_SafeToRepeatWhenMarkedIdempotent()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PagarStar);
        (await client.PayAsync(PaymentProvider.PagarStar, "order-9")).Dispose();
        sandbox.Faults.Plan(PaymentProvider.PagarStar, "order-9", SandboxFault.ResetAfterCharging);
        using var request = new HttpRequestMessage(HttpMethod.Post, "query")
        {
            Content = new StringContent("""{"order_id":"order-9"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.Http.SendAsync(request.MarkAsIdempotent());

        var body = await ProviderBodies.JsonAsync(response);
        body.GetProperty("code").GetInt32().ShouldBe(1000);
        body.GetProperty("data").GetProperty("status").GetString().ShouldBe("SUCCESS");
        sandbox.RequestCount(PaymentProvider.PagarStar).ShouldBe(3);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.PlexyPay)]
    [InlineData(PaymentProvider.Paysafe)]
    [InlineData(PaymentProvider.MakeCommerce)]
    public async Task UnknownEndpoint_ProviderNotFoundEnvelope(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);

        await Should.ThrowAsync<ProviderNotFoundException>(() => client.Http.GetAsync("no/such/endpoint"));
    }

    [Fact]
    public async Task Pay_MakeCommerceWithoutJsonContentType_415()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.MakeCommerce);

        var exception = await Should.ThrowAsync<ProviderValidationException>(
            () => client.Http.PostAsync("v1/payments", new StringContent("""{"reference":"r","amount":1}""")));

        exception.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PlutuMissingFields_422WithFieldErrors()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Plutu);

        var exception = await Should.ThrowAsync<ProviderValidationException>(
            () => client.Http.PostAsync("transaction/edfali/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["amount"] = "5" })));

        exception.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Pay_PlutuMissingFields_FieldsInEnvelope()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Plutu);

        using var response = await raw.PostAsync("transaction/sadadapi/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["amount"] = "abc" }));

        var error = (await ProviderBodies.JsonAsync(response)).GetProperty("error");
        error.GetProperty("status").GetInt32().ShouldBe(422);
        error.GetProperty("fields").GetProperty("invoice_no").GetArrayLength().ShouldBe(1);
        error.GetProperty("fields").GetProperty("amount").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task PagarStar_TextPlainBodyThatIsNotCiphertext_Code1017()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PagarStar);

        using var response = await raw.PostAsync("pay", new StringContent("U2FsdGVkX1+encrypted=="));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe("1017");
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }
}
