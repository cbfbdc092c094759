using System.Net;
using System.Net.Http.Headers;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxAuthenticationTests
{
    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.PlexyPay)]
    [InlineData(PaymentProvider.Paysafe)]
    [InlineData(PaymentProvider.MakeCommerce)]
    public async Task Pay_NoCredentials_AuthenticationExceptionAndNoCharge(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider, withCredentials: false);

        var exception = await Should.ThrowAsync<ProviderAuthenticationException>(() => client.PayAsync(provider, "auth-1"));

        exception.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu, "Bearer", "wrong-token")]
    [InlineData(PaymentProvider.Paysafe, "Basic", "d3Jvbmc6Y3JlZGVudGlhbHM=")]
    [InlineData(PaymentProvider.MakeCommerce, "Basic", "d3Jvbmc6Y3JlZGVudGlhbHM=")]
    public async Task Pay_WrongAuthorization_AuthenticationException(PaymentProvider provider, string scheme, string parameter)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        using var request = SandboxRequests.Payment(provider, "auth-2");
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, parameter);

        await Should.ThrowAsync<ProviderAuthenticationException>(() => client.Http.SendAsync(request));

        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PlexyPayBearerInsteadOfRawKey_AuthenticationErrorEnvelope()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PlexyPay);
        using var request = SandboxRequests.Payment(PaymentProvider.PlexyPay, "auth-3");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxCredentials.PlexyPayApiKey);

        using var response = await raw.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var error = (await ProviderBodies.JsonAsync(response)).GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("authentication_error");
        error.GetProperty("code").GetString().ShouldBe("api_key_invalid");
    }

    [Fact]
    public async Task Pay_PlutuApiKeyWithoutBearerToken_Unauthenticated()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = new HttpClient { BaseAddress = sandbox.BaseAddress(PaymentProvider.Plutu) };
        using var request = SandboxRequests.Payment(PaymentProvider.Plutu, "auth-4");
        request.Headers.Add("X-API-KEY", SandboxCredentials.PlutuApiKey);

        using var response = await raw.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var error = (await ProviderBodies.JsonAsync(response)).GetProperty("error");
        error.GetProperty("status").GetInt32().ShouldBe(401);
        error.GetProperty("code").GetString().ShouldBe("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Pay_PaysafeBadCredentials_Code5279InBodyAndHeader()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = new HttpClient { BaseAddress = sandbox.BaseAddress(PaymentProvider.Paysafe) };

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "auth-5"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Application-Error-Code").ShouldBe(["5279"]);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe("5279");
    }

    [Fact]
    public async Task Pay_PagarStarWrongMerchant_Code1009InHttp200()
    {
        // The envelope on the wire; SandboxProviderCodeTests checks what PaymentHttp makes of it.
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = new HttpClient { BaseAddress = sandbox.BaseAddress(PaymentProvider.PagarStar) };
        using var request = SandboxRequests.Payment(PaymentProvider.PagarStar, "auth-6");
        request.Headers.Add(SandboxCredentials.PagarStarMerchantIdHeader, "someone-else");

        using var response = await raw.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe("1009");
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_PagarStarMerchantIdInBody_Accepted()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = new HttpClient { BaseAddress = sandbox.BaseAddress(PaymentProvider.PagarStar) };
        var body = $$"""{"merchant_id":"{{SandboxCredentials.PagarStarMerchantId}}","order_id":"auth-7","amount":"10.00","sign":"ignored"}""";

        using var response = await raw.PostAsync("pay", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe("1000");
        sandbox.Ledger.ChargeCount(PaymentProvider.PagarStar, "auth-7").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_FailedAuthentication_DoesNotTakeAPlannedFault()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "auth-8", SandboxFault.ServiceUnavailable);
        using var anonymous = SandboxClient.Create(sandbox, PaymentProvider.Paysafe, withCredentials: false);
        await Should.ThrowAsync<ProviderAuthenticationException>(() => anonymous.PayAsync(PaymentProvider.Paysafe, "auth-8"));

        sandbox.Faults.Remaining(PaymentProvider.Paysafe, "auth-8").ShouldBe(1);
    }
}
