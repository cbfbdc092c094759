using System.Net;
using System.Security.Cryptography;
using System.Text;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

/// <summary>
/// The sandbox speaks the PTS request encoding that <c>AddPagarStarEncryption</c> produces: AES-ECB/PKCS7 under the
/// safecode, base64, <c>text/plain</c>, and <c>X-Transaction-Signature</c> over the body as sent.
/// </summary>
public sealed class SandboxPagarStarEncryptionTests
{
    [Fact]
    public async Task Pay_EncryptedAndSigned_AcceptedChargedOnceAndFoundByQuery()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox);

        using var response = await client.PayAsync(PaymentProvider.PagarStar, "pts-1", 12.5m);

        var body = await ProviderBodies.JsonAsync(response);
        ProviderBodies.IsApproved(PaymentProvider.PagarStar, body).ShouldBeTrue();
        body.GetProperty("data").GetProperty("order_id").GetString().ShouldBe("pts-1");
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-1").ShouldBe(1);
        sandbox.Ledger.Charges[0].Amount.ShouldBe(12.5m);
        using var lookup = await client.QueryAsync(PaymentProvider.PagarStar, "pts-1");
        (await ProviderBodies.JsonAsync(lookup)).GetProperty("data").GetProperty("transaction_id").GetString()
            .ShouldBe(sandbox.Ledger.Charges[0].TransactionId);
    }

    [Fact]
    public async Task Pay_EncryptedWithoutSignature_AcceptedAsPtsVersion1()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox, transactionSecret: null);

        using var response = await client.PayAsync(PaymentProvider.PagarStar, "pts-2");

        ProviderBodies.IsApproved(PaymentProvider.PagarStar, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-2").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_SignedWithAnotherSecret_AuthenticationCode1010AndNotCharged()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox, transactionSecret: "not-the-sandbox-transaction-secret");

        var exception = await Should.ThrowAsync<ProviderAuthenticationException>(() => client.PayAsync(PaymentProvider.PagarStar, "pts-3"));

        exception.ProviderCode.ShouldBe("1010");
        exception.Category.ShouldBe(PaymentErrorCategory.Authentication);
        exception.StatusCode.ShouldBe(HttpStatusCode.OK);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_EncryptedWithAnotherSafeCode_AuthenticationCode1017AndNotCharged()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox, safeCode: "another-merchant-safecode-000001", transactionSecret: null);

        var exception = await Should.ThrowAsync<ProviderAuthenticationException>(() => client.PayAsync(PaymentProvider.PagarStar, "pts-4"));

        exception.ProviderCode.ShouldBe("1017");
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "1000")]
    [InlineData("not base64 at all", "1010")]
    [InlineData("c2hvcnQ=", "1010")]
    public async Task Pay_HandMadeCiphertext_SignatureCheckedOnlyWhenSent(string? signature, string code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PagarStar);
        var content = new StringContent(EncryptWithSandboxSafeCode("""{"order_id":"pts-5","amount":"10.00"}"""), Encoding.ASCII, "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "pay") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Transaction-Signature", signature);
        }

        using var response = await raw.SendAsync(request);

        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe(code);
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-5").ShouldBe(code == "1000" ? 1 : 0);
    }

    [Fact]
    public async Task Pay_MerchantIdOnlyInsideTheEncryptedBody_Authenticated()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox, withCredentials: false);
        var json = $$"""{"merchant_id":"{{SandboxCredentials.PagarStarMerchantId}}","order_id":"pts-6","amount":"10.00","sign":"ignored"}""";

        using var response = await client.Http.PostAsync("pay", new StringContent(json, Encoding.UTF8, "application/json"));

        ProviderBodies.IsApproved(PaymentProvider.PagarStar, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-6").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_EncryptedResetAfterCharging_FaultFoundByReferenceInsideTheCiphertext()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox);
        sandbox.Faults.Plan(PaymentProvider.PagarStar, "pts-7", SandboxFault.ResetAfterCharging);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(PaymentProvider.PagarStar, "pts-7"));

        exception.Attempts.ShouldBe(1);
        sandbox.Faults.Remaining(PaymentProvider.PagarStar, "pts-7").ShouldBe(0);
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-7").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_EncryptedRefusedThenNormal_ClientHandlerReadsTheReferenceAndTheRetryIsChargedOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox);
        sandbox.Faults.Plan(PaymentProvider.PagarStar, "pts-8", SandboxFault.Refuse);

        using var response = await client.PayAsync(PaymentProvider.PagarStar, "pts-8");

        ProviderBodies.IsApproved(PaymentProvider.PagarStar, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.RequestCount(PaymentProvider.PagarStar).ShouldBe(1);
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-8").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_EncryptedDuplicateOrder_ConflictCode1003AndStillOneCharge()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.PagarStarEncrypted(sandbox);
        (await client.PayAsync(PaymentProvider.PagarStar, "pts-9")).Dispose();

        var exception = await Should.ThrowAsync<ProviderConflictException>(() => client.PayAsync(PaymentProvider.PagarStar, "pts-9"));

        exception.ProviderCode.ShouldBe("1003");
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "pts-9").ShouldBe(1);
        sandbox.Ledger.DuplicateCount(PaymentProvider.PagarStar, "pts-9").ShouldBe(1);
    }

    /// <summary>The PTS encoding written out by hand, independent of both the library and the sandbox.</summary>
    private static string EncryptWithSandboxSafeCode(string json)
    {
        using var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes(SandboxCredentials.PagarStarSafeCode);
#pragma warning disable CA5358 // PTS specifies AES-ECB.
        return Convert.ToBase64String(aes.EncryptEcb(Encoding.UTF8.GetBytes(json), PaddingMode.PKCS7));
#pragma warning restore CA5358
    }
}
