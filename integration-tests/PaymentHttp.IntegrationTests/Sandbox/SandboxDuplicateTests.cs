using System.Net;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxDuplicateTests
{
    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.Paysafe)]
    public async Task Pay_SameReferenceTwice_ConflictAndStillOneCharge(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        (await client.PayAsync(provider, "dup-1")).Dispose();

        var exception = await Should.ThrowAsync<ProviderConflictException>(() => client.PayAsync(provider, "dup-1"));

        exception.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.ChargeCount(provider, "dup-1").ShouldBe(1);
        sandbox.Ledger.DuplicateCount(provider, "dup-1").ShouldBe(1);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu, HttpStatusCode.Conflict, "DUPLICATE_INVOICE_NO")]
    [InlineData(PaymentProvider.Paysafe, HttpStatusCode.Conflict, "5031")]
    [InlineData(PaymentProvider.MakeCommerce, HttpStatusCode.BadRequest, "1032")]
    [InlineData(PaymentProvider.PagarStar, HttpStatusCode.OK, "1003")]
    public async Task Pay_SameReferenceTwice_ProviderDuplicateEnvelope(PaymentProvider provider, HttpStatusCode status, string code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);
        (await raw.SendAsync(SandboxRequests.Payment(provider, "dup-2"))).Dispose();

        using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "dup-2"));

        response.StatusCode.ShouldBe(status);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe(code);
        sandbox.Ledger.ChargeCount(provider, "dup-2").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PaysafeDuplicate_CodeInHeaderAndMerchantRefNumInBody()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Paysafe);
        (await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "dup-3"))).Dispose();

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "dup-3"));

        response.Headers.GetValues("X-Application-Error-Code").ShouldBe(["5031"]);
        (await ProviderBodies.JsonAsync(response)).GetProperty("merchantRefNum").GetString().ShouldBe("dup-3");
    }

    [Theory]
    [InlineData(PaymentProvider.MakeCommerce, HttpStatusCode.BadRequest, "1032")]
    [InlineData(PaymentProvider.PagarStar, HttpStatusCode.OK, "1003")]
    public async Task Pay_DuplicateReportedByProviderCode_ConflictExceptionAndStillOneCharge(PaymentProvider provider, HttpStatusCode status, string code)
    {
        // A Conflict only by the provider code: inside a 400 (MakeCommerce) or a 200 (PagarStar).
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        (await client.PayAsync(provider, "dup-4")).Dispose();

        var exception = await Should.ThrowAsync<ProviderConflictException>(() => client.PayAsync(provider, "dup-4"));

        exception.Category.ShouldBe(PaymentErrorCategory.Conflict);
        exception.ProviderCode.ShouldBe(code);
        exception.StatusCode.ShouldBe(status);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.ChargeCount(provider, "dup-4").ShouldBe(1);
        sandbox.Ledger.DuplicateCount(provider, "dup-4").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PlexyPaySameIdempotencyKey_ReplaysTheOriginalResponse()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);
        using var first = await client.PayAsync(PaymentProvider.PlexyPay, "order-1", idempotencyKey: "key-1");
        var original = await first.Content.ReadAsStringAsync();

        using var second = await client.PayAsync(PaymentProvider.PlexyPay, "order-1", idempotencyKey: "key-1");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe(original);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "order-1").ShouldBe(1);
        sandbox.Ledger.DuplicateCount(PaymentProvider.PlexyPay, "order-1").ShouldBe(1);
        sandbox.Ledger.Charges[0].IdempotencyKey.ShouldBe("key-1");
    }

    [Fact]
    public async Task Pay_PlexyPayKeyReusedWithOtherBody_ConflictIdempotencyError()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);
        (await client.PayAsync(PaymentProvider.PlexyPay, "order-2", 1000m, idempotencyKey: "key-2")).Dispose();

        var exception = await Should.ThrowAsync<ProviderConflictException>(
            () => client.PayAsync(PaymentProvider.PlexyPay, "order-2", 2000m, idempotencyKey: "key-2"));

        exception.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "order-2").ShouldBe(1);
        sandbox.Ledger.Charges[0].Amount.ShouldBe(1000m);
    }

    [Fact]
    public async Task Pay_PlexyPayKeyReusedWithOtherBody_IdempotencyErrorEnvelope()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PlexyPay);
        (await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.PlexyPay, "order-3", 1000m, "key-3"))).Dispose();

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.PlexyPay, "order-4", 1000m, "key-3"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var error = (await ProviderBodies.JsonAsync(response)).GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("idempotency_error");
        error.GetProperty("request_id").GetString().ShouldStartWith("req_");
        sandbox.Ledger.Charges.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PlexyPaySameReferenceWithoutKey_ChargedTwiceAsTheRealApiWould()
    {
        // PlexyPay recognises a repeat only by Idempotency-Key: this is why the library never re-sends a PlexyPay
        // POST without one after a failure that may have been processed.
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);

        (await client.PayAsync(PaymentProvider.PlexyPay, "order-5")).Dispose();
        (await client.PayAsync(PaymentProvider.PlexyPay, "order-5")).Dispose();

        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "order-5").ShouldBe(2);
        sandbox.Ledger.ChargesOf(PaymentProvider.PlexyPay, "order-5").Select(c => c.TransactionId).Distinct().Count().ShouldBe(2);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.Paysafe)]
    [InlineData(PaymentProvider.MakeCommerce)]
    [InlineData(PaymentProvider.PagarStar)]
    public async Task Pay_ConcurrentSameReference_ExactlyOneCharge(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "race-1"));
            return response.IsSuccessStatusCode && ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response));
        }));

        responses.Count(approved => approved).ShouldBe(1);
        sandbox.Ledger.ChargeCount(provider, "race-1").ShouldBe(1);
        sandbox.Ledger.DuplicateCount(provider, "race-1").ShouldBe(7);
    }

    [Fact]
    public async Task Pay_PlexyPayConcurrentSameKey_ExactlyOneCharge()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PlexyPay);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.PlexyPay, "race-2", idempotencyKey: "key-race"));
            return response.StatusCode;
        }));

        // Each request either got the (replayed) success or 409 idempotency_key_in_use while the first was in flight.
        statuses.ShouldAllBe(status => status == HttpStatusCode.OK || status == HttpStatusCode.Conflict);
        statuses.ShouldContain(HttpStatusCode.OK);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "race-2").ShouldBe(1);
    }
}
