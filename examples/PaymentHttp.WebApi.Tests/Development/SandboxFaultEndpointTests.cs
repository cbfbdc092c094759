using System.Net;
using System.Net.Http.Json;
using System.Text;
using PaymentHttp.WebApi.Tests.Infrastructure;

namespace PaymentHttp.WebApi.Tests.Development;

public sealed class SandboxFaultEndpointTests
{
    [Theory]
    [InlineData("Paysafe", "ResetAfterCharging")] // the connection drops after the provider charged
    [InlineData("Plutu", "ServerErrorAfterCharging")] // a 500 after the provider charged
    [InlineData("MakeCommerce", "ResetAfterCharging")]
    public async Task PlannedOverHttp_ThePaymentEndsInOutcomeUnknown_AndTheReconcileLinkFindsItChargedOnce(string provider, string kind)
    {
        await using var api = await CheckoutApiHost.StartAsync();
        var reference = CheckoutApiHost.NewReference();

        using var planned = await api.Client.PostAsJsonAsync("/sandbox/faults", new { provider, merchantReference = reference, faults = new[] { new { kind } } });
        planned.StatusCode.ShouldBe(HttpStatusCode.OK, await planned.Content.ReadAsStringAsync());
        (await CheckoutApiHost.JsonAsync(planned)).GetProperty("planned")[0].GetString().ShouldBe(kind);

        using var accepted = await api.CheckoutAsync(provider, reference, 25.00m, provider == "Plutu" ? "LYD" : "EUR");

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var pending = await CheckoutApiHost.JsonAsync(accepted);
        pending.GetProperty("status").GetString().ShouldBe("unknown");
        var reconcile = pending.GetProperty("links").GetProperty("reconcile").GetString().ShouldNotBeNull();
        using var found = await api.Client.GetAsync(reconcile);
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var enumProvider = Enum.Parse<PaymentProvider>(provider);
        api.RequiredSandbox.Ledger.ChargeCount(enumProvider, reference).ShouldBe(1);
        api.RequiredSandbox.Faults.Remaining(enumProvider, reference).ShouldBe(0);
    }

    [Fact]
    public async Task PlannedOverHttp_ParametersReachTheSandbox()
    {
        await using var api = await CheckoutApiHost.StartAsync();
        var reference = CheckoutApiHost.NewReference();

        using var planned = await api.Client.PostAsJsonAsync("/sandbox/faults", new
        {
            provider = "paysafe",
            merchantReference = reference,
            faults = new object[] { new { kind = "tooManyRequests", retryAfterSeconds = 120 }, new { kind = "ProviderError", code = "3009" }, new { kind = "None" } },
        });

        planned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CheckoutApiHost.JsonAsync(planned)).GetProperty("planned").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["TooManyRequests(Retry-After 120 s)", "ProviderError(3009)", "None"]);
        api.RequiredSandbox.Faults.Remaining(PaymentProvider.Paysafe, reference).ShouldBe(3);
        using var busy = await api.CheckoutAsync("Paysafe", reference, 25.00m);
        busy.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        busy.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(120));
        using var declined = await api.CheckoutAsync("Paysafe", reference, 25.00m);
        declined.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
    }

    [Theory]
    [InlineData("""{"provider":"Stripe","merchantReference":"","faults":[{"kind":"Explode"},{"kind":"Delay","seconds":-5},{"kind":"ProviderError"},{"kind":"3"}]}""",
        new[] { "faults[0]", "faults[1]", "faults[2]", "faults[3]", "merchantReference", "provider" })]
    [InlineData("""{"provider":"Paysafe","merchantReference":"order-1"}""", new[] { "faults" })]
    public async Task InvalidPlan_Returns400ByField_AndPlansNothing(string body, string[] fields)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await api.Client.PostAsync("/sandbox/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CheckoutApiHost.JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(fields);
        api.RequiredSandbox.Faults.Remaining(PaymentProvider.Paysafe, "order-1").ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"provider":"Paysafe",""")]
    [InlineData("""{"provider":"Paysafe","merchantReference":"order-1","faults":"ResetAfterCharging"}""")]
    public async Task UnreadablePlan_Returns400NotA500(string body)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await api.Client.PostAsync("/sandbox/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task InProduction_TheRouteDoesNotExist_EvenWithTheSandboxOn()
    {
        await using var api = await CheckoutApiHost.StartAsync("--environment=Production", "--UseSandbox=true");
        var reference = CheckoutApiHost.NewReference();

        using var response = await api.Client.PostAsJsonAsync("/sandbox/faults", new { provider = "Paysafe", merchantReference = reference, faults = new[] { new { kind = "ResetAfterCharging" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.RequiredSandbox.Faults.Remaining(PaymentProvider.Paysafe, reference).ShouldBe(0);
        using var created = await api.CheckoutAsync("Paysafe", reference, 25.00m); // the app itself works
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
