using System.Net;
using PaymentHttp.Testing;
using PaymentHttp.WebApi.Tests.Infrastructure;

namespace PaymentHttp.WebApi.Tests.Credentials;

/// <summary>
/// "UseSandbox": false, as in production: base addresses and credentials come from configuration and go on the wire
/// through the app's own credential handlers. The provider here is a sandbox the test starts, which checks them.
/// </summary>
public sealed class ConfiguredProviderTests
{
    [Fact]
    public async Task Checkout_CredentialsFromConfiguration_ReachEveryProvider()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        await using var api = await CheckoutApiHost.StartAsync(
        [
            "--UseSandbox=false",
            .. Provider(sandbox, PaymentProvider.Plutu, ("ApiKey", SandboxCredentials.PlutuApiKey), ("AccessToken", SandboxCredentials.PlutuAccessToken)),
            .. Provider(sandbox, PaymentProvider.PlexyPay, ("ApiKey", SandboxCredentials.PlexyPayApiKey)),
            .. Provider(sandbox, PaymentProvider.Paysafe, ("KeyId", SandboxCredentials.PaysafeKeyId), ("KeyPassword", SandboxCredentials.PaysafeKeyPassword)),
            .. Provider(sandbox, PaymentProvider.MakeCommerce, ("ShopId", SandboxCredentials.MakeCommerceShopId), ("SecretKey", SandboxCredentials.MakeCommerceSecretKey)),
            .. Provider(sandbox, PaymentProvider.PagarStar, ("MerchantId", SandboxCredentials.PagarStarMerchantId)),
        ]);
        api.Sandbox.ShouldBeNull();

        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            using var response = await api.CheckoutAsync(provider.ToString(), CheckoutApiHost.NewReference(), 25.00m);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, $"{provider}: {await response.Content.ReadAsStringAsync()}");
        }

        sandbox.Ledger.Charges.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Checkout_CredentialsRefused_Returns502WithoutProviderTextOrSecrets()
    {
        const string WrongPassword = "not-the-paysafe-password";
        await using var sandbox = await ProviderSandbox.StartAsync();
        await using var api = await CheckoutApiHost.StartAsync(
        [
            "--UseSandbox=false",
            .. Provider(sandbox, PaymentProvider.Paysafe, ("KeyId", SandboxCredentials.PaysafeKeyId), ("KeyPassword", WrongPassword)),
        ]);

        using var response = await api.CheckoutAsync("Paysafe", CheckoutApiHost.NewReference(), 25.00m);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Payment provider refused this service");
        body.ShouldNotContain(WrongPassword);
        body.ShouldNotContain(SandboxCredentials.PaysafeKeyId);
        body.ShouldNotContain("Invalid credentials"); // the provider's message
        body.ShouldNotContain("5279"); // nor its code: nothing the client could act on
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Checkout_ProviderNotConfigured_Returns400AndIsNeverCalled()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        await using var api = await CheckoutApiHost.StartAsync(
        [
            "--UseSandbox=false",
            .. Provider(sandbox, PaymentProvider.Paysafe, ("KeyId", SandboxCredentials.PaysafeKeyId), ("KeyPassword", SandboxCredentials.PaysafeKeyPassword)),
        ]);

        using var response = await api.CheckoutAsync("Plutu", CheckoutApiHost.NewReference(), 25.00m, "LYD");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CheckoutApiHost.JsonAsync(response)).GetProperty("errors").GetProperty("provider")[0].GetString().ShouldBe("Required, one of: Paysafe.");
        sandbox.RequestCount(PaymentProvider.Plutu).ShouldBe(0);
    }

    private static string[] Provider(ProviderSandbox sandbox, PaymentProvider provider, params (string Key, string Value)[] credentials) =>
    [
        $"--PaymentProviders:{provider}:BaseAddress={sandbox.BaseAddress(provider)}",
        .. credentials.Select(credential => $"--PaymentCredentials:{provider}:{credential.Key}={credential.Value}"),
    ];
}
