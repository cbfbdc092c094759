using System.Net;
using System.Text;
using System.Text.Json;
using PaymentHttp.WebApi.Tests.Infrastructure;

namespace PaymentHttp.WebApi.Tests.Checkout;

/// <summary>Whatever the body of <c>POST /checkout</c> is, a bad one is a 400 by field (or a 415), never a 500, and calls no provider.</summary>
public sealed class CheckoutBodyTests
{
    [Theory]
    [InlineData("""{"provider":"Paysafe","merchantReference":"order-1","amount":25.00,""", "Not valid JSON (line 1")]
    [InlineData("""{"provider":"Paysafe" "amount":25}""", "Not valid JSON (line 1")]
    [InlineData("<order/>", "Not valid JSON (line 1, byte 1)")]
    [InlineData("{\n  \"amount\": 25,00\n}", "Not valid JSON (line 2, ")]
    [InlineData("", "Empty.")]
    [InlineData("[]", "Not a JSON object.")]
    [InlineData("25.00", "Not a JSON object.")]
    [InlineData("null", "Not a JSON object.")]
    public async Task UnreadableBody_Returns400UnderBody(string body, string reason)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, body);

        var errors = await ValidationErrorsAsync(response);
        errors.Keys.ShouldBe(["body"]);
        errors["body"].ShouldHaveSingleItem().ShouldStartWith(reason);
        errors["body"][0].ShouldContain("major units");
        NothingWasSent(api);
    }

    [Fact]
    public async Task WrongTypes_Return400WithEveryWrongFieldAtOnce()
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, """{"provider":5,"merchantReference":["order-1"],"amount":"25.00","currency":true,"card":{}}""");

        var errors = await ValidationErrorsAsync(response);
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["amount", "card", "currency", "merchantReference", "provider"]);
        errors["amount"].ShouldBe(["Must be a JSON number in major units, for example 25.00 (not a string, not minor units)."]);
        errors["provider"].ShouldBe(["Must be a JSON string."]);
        errors["currency"].ShouldBe(["Must be a JSON string."]);
        NothingWasSent(api);
    }

    [Fact]
    public async Task AnAmountTooLargeForADecimal_Returns400UnderAmount()
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, """{"provider":"Paysafe","merchantReference":"order-1","amount":1e400,"currency":"USD"}""");

        (await ValidationErrorsAsync(response)).Keys.ShouldBe(["amount"]);
        NothingWasSent(api);
    }

    [Fact]
    public async Task MissingFields_Return400NamingEachRequiredField()
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, """{"card":null,"unknown":1}""");

        var errors = await ValidationErrorsAsync(response);
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["amount", "currency", "merchantReference", "provider"]);
        errors["amount"].ShouldBe(["Required: the amount in major units, for example 25.00."]);
        NothingWasSent(api);
    }

    [Fact]
    public async Task FieldNames_AreMatchedIgnoringCase_AsTheFrameworkWould()
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, """{"Provider":"paysafe","MERCHANTREFERENCE":"order-case-1","Amount":25.00,"currency":"usd"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyLargerThanTheLimit_Returns400WithoutParsingIt()
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, """{"card":""" + "\"" + new string('4', 20_000) + "\"}");

        (await ValidationErrorsAsync(response))["body"].ShouldHaveSingleItem().ShouldStartWith("Larger than 16384 bytes.");
        NothingWasSent(api);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")] // curl -d without -H
    [InlineData("text/plain")]
    public async Task NotJson_Returns415Problem(string contentType)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await PostAsync(api, "provider=Paysafe&amount=25.00", contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await CheckoutApiHost.JsonAsync(response)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("application/json");
        NothingWasSent(api);
    }

    private static Task<HttpResponseMessage> PostAsync(CheckoutApiHost api, string body, string contentType = "application/json") =>
        api.Client.PostAsync("/checkout", new StringContent(body, Encoding.UTF8, contentType));

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(400);
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(field => field.Name, field => field.Value.EnumerateArray().Select(message => message.GetString()!).ToArray(), StringComparer.Ordinal);
    }

    private static void NothingWasSent(CheckoutApiHost api)
    {
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            api.RequiredSandbox.RequestCount(provider).ShouldBe(0);
        }
    }
}
