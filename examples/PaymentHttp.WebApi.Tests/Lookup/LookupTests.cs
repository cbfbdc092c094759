using System.Net;
using PaymentHttp.WebApi.Tests.Infrastructure;

namespace PaymentHttp.WebApi.Tests.Lookup;

public sealed class LookupTests
{
    [Theory]
    [InlineData("Plutu")] // the provider answers 404: ProviderNotFoundException
    [InlineData("Paysafe")] // the provider answers an empty list
    [InlineData("MakeCommerce")]
    [InlineData("PagarStar")] // HTTP 200 with code 1002
    public async Task Lookup_UnknownReference_Returns404Problem(string provider)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await api.Client.GetAsync($"/payments/{CheckoutApiHost.NewReference()}?provider={provider}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await CheckoutApiHost.JsonAsync(response)).GetProperty("title").GetString().ShouldBe("Payment not found");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?provider=Stripe")]
    public async Task Lookup_WithoutAKnownProvider_Returns400(string query)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await api.Client.GetAsync("/payments/order-1" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CheckoutApiHost.JsonAsync(response)).GetProperty("errors").GetProperty("provider").GetArrayLength().ShouldBe(1);
    }
}
