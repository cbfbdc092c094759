using System.Net;
using PaymentHttp.Testing;
using PaymentHttp.WebApi.Tests.Infrastructure;

namespace PaymentHttp.WebApi.Tests.Checkout;

public sealed class CheckoutTests
{
    [Theory]
    [InlineData(PaymentProvider.Plutu, "LYD")]
    [InlineData(PaymentProvider.PlexyPay, "USD")]
    [InlineData(PaymentProvider.Paysafe, "USD")]
    [InlineData(PaymentProvider.MakeCommerce, "EUR")]
    [InlineData(PaymentProvider.PagarStar, "PHP")]
    public async Task Checkout_Approved_Returns201WhoseLocationFindsThePayment(PaymentProvider provider, string currency)
    {
        await using var api = await CheckoutApiHost.StartAsync();
        var reference = CheckoutApiHost.NewReference();

        using var created = await api.CheckoutAsync(provider.ToString(), reference, 25.00m, currency);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var payment = await CheckoutApiHost.JsonAsync(created);
        payment.GetProperty("status").GetString().ShouldBe("approved");
        var transactionId = payment.GetProperty("transactionId").GetString().ShouldNotBeNull();
        created.Headers.Location.ShouldNotBeNull().ToString().ShouldBe($"/payments/{reference}?provider={provider}");

        using var found = await api.Client.GetAsync(created.Headers.Location);
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lookedUp = await CheckoutApiHost.JsonAsync(found);
        lookedUp.GetProperty("status").GetString().ShouldBe("found");
        lookedUp.GetProperty("transactionId").GetString().ShouldBe(transactionId);
        api.RequiredSandbox.Ledger.ChargeCount(provider, reference).ShouldBe(1);
    }

    [Fact]
    public async Task Checkout_Declined_Returns402ProblemWithTheProviderCodes()
    {
        await using var api = await CheckoutApiHost.StartAsync();
        var reference = CheckoutApiHost.NewReference();

        using var response = await api.CheckoutAsync("PlexyPay", reference, 25.00m, card: SandboxCards.InsufficientFunds);

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await CheckoutApiHost.JsonAsync(response);
        problem.GetProperty("status").GetInt32().ShouldBe(402);
        problem.GetProperty("title").GetString().ShouldBe("Payment declined");
        problem.GetProperty("provider").GetString().ShouldBe("PlexyPay");
        problem.GetProperty("providerCode").GetString().ShouldBe("card_declined");
        problem.GetProperty("declineCode").GetString().ShouldBe("insufficient_funds");
        problem.GetProperty("providerRequestId").GetString().ShouldStartWith("req_");
        problem.GetRawText().ShouldNotContain("Your card has insufficient funds"); // the provider's own words stay inside
        api.RequiredSandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, reference).ShouldBe(0);
    }

    [Theory]
    [InlineData("Plutu", "The amount must be a number greater than 0.")]
    [InlineData("Paysafe", "must be a positive integer in minor units")]
    public async Task Checkout_ProviderRejectsTheAmount_Returns422NamingTheField_InThisApisWords(string provider, string providersMessage)
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await api.CheckoutAsync(provider, CheckoutApiHost.NewReference(), 0m);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await CheckoutApiHost.JsonAsync(response);
        var code = problem.GetProperty("providerCode").GetString();
        var expected = code is null ? $"Rejected by {provider}." : $"Rejected by {provider} (code {code}).";
        problem.GetProperty("errors").GetProperty("amount").EnumerateArray().Select(e => e.GetString()).ShouldBe([expected]);
        problem.GetProperty("provider").GetString().ShouldBe(provider);
        problem.GetRawText().ShouldNotContain(providersMessage); // the provider's own words stay inside
        api.RequiredSandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Checkout_ReferenceAlreadyPaid_Returns409()
    {
        await using var api = await CheckoutApiHost.StartAsync();
        var reference = CheckoutApiHost.NewReference();
        using var first = await api.CheckoutAsync("Paysafe", reference, 25.00m);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var second = await api.CheckoutAsync("Paysafe", reference, 25.00m);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await CheckoutApiHost.JsonAsync(second);
        problem.GetProperty("providerCode").GetString().ShouldBe("5031");
        api.RequiredSandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, reference).ShouldBe(1);
    }

    [Fact]
    public async Task Checkout_RateLimitedLongerThanMaxDelay_Returns503WithTheProvidersRetryAfter()
    {
        await using var api = await CheckoutApiHost.StartAsync();
        var reference = CheckoutApiHost.NewReference();
        api.RequiredSandbox.Faults.Plan(PaymentProvider.Paysafe, reference, SandboxFault.TooManyRequests(TimeSpan.FromSeconds(120)));

        using var response = await api.CheckoutAsync("Paysafe", reference, 25.00m);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(120)); // more than Retry.MaxDelay: not slept, passed on
        (await CheckoutApiHost.JsonAsync(response)).GetProperty("title").GetString().ShouldBe("Payment provider busy");
        api.RequiredSandbox.RequestCount(PaymentProvider.Paysafe).ShouldBe(1);
    }

    [Fact]
    public async Task Checkout_ProviderOutage_Returns503_ThenTheOpenCircuitFailsFastWithRetryAfter()
    {
        await using var api = await CheckoutApiHost.StartAsync(
            "--PaymentProviders:PlexyPay:Retry:MaxRetryAttempts=0",
            "--PaymentProviders:PlexyPay:CircuitBreaker:MinimumThroughput=2",
            "--PaymentProviders:PlexyPay:CircuitBreaker:BreakDuration=00:00:30");
        var sandbox = api.RequiredSandbox;
        sandbox.SetOutage(PaymentProvider.PlexyPay, true);

        // PlexyPay's 503 says "service unavailable" (code 1): the provider did not act, so it is a plain 503.
        using var down = await api.CheckoutAsync("PlexyPay", CheckoutApiHost.NewReference(), 25.00m);
        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Headers.RetryAfter.ShouldBeNull(); // the provider did not say how long

        HttpResponseMessage? open = null;
        for (var attempt = 0; attempt < 5 && open is null; attempt++)
        {
            var response = await api.CheckoutAsync("PlexyPay", CheckoutApiHost.NewReference(), 25.00m);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            if (response.Headers.RetryAfter is not null)
            {
                open = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var failedFast = open.ShouldNotBeNull("the circuit never opened");
        var requests = sandbox.RequestCount(PaymentProvider.PlexyPay);
        failedFast.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        (await CheckoutApiHost.JsonAsync(failedFast)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Nothing was sent or charged");

        using var stillOpen = await api.CheckoutAsync("PlexyPay", CheckoutApiHost.NewReference(), 25.00m);
        stillOpen.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(requests); // not sent
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Checkout_Timeout_Returns202WithAReconcileLinkThatFindsThePaymentChargedOnce()
    {
        await using var api = await CheckoutApiHost.StartAsync("--PaymentProviders:Paysafe:AttemptTimeout=00:00:00.500");
        var sandbox = api.RequiredSandbox;
        var reference = CheckoutApiHost.NewReference();
        sandbox.Faults.Plan(PaymentProvider.Paysafe, reference, SandboxFault.Delay(Timeout.InfiniteTimeSpan));

        using var accepted = await api.CheckoutAsync("Paysafe", reference, 25.00m);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var pending = await CheckoutApiHost.JsonAsync(accepted);
        pending.GetProperty("status").GetString().ShouldBe("unknown");
        var reconcile = pending.GetProperty("links").GetProperty("reconcile").GetString().ShouldNotBeNull();
        accepted.Headers.Location.ShouldNotBeNull().ToString().ShouldBe(reconcile);

        using var found = await api.Client.GetAsync(reconcile);
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CheckoutApiHost.JsonAsync(found)).GetProperty("providerStatus").GetString().ShouldBe("COMPLETED");
        sandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, reference).ShouldBe(1);
        sandbox.RequestCount(PaymentProvider.Paysafe).ShouldBe(2); // the payment, not resent, and the lookup
    }

    [Fact]
    public async Task Checkout_PlexyPayTimeout_IsRetriedUnderItsIdempotencyKey_Returns201ChargedOnce()
    {
        await using var api = await CheckoutApiHost.StartAsync(
            "--PaymentProviders:PlexyPay:AttemptTimeout=00:00:00.500",
            "--PaymentProviders:PlexyPay:Retry:BaseDelay=00:00:00");
        var sandbox = api.RequiredSandbox;
        var reference = CheckoutApiHost.NewReference();
        sandbox.Faults.Plan(PaymentProvider.PlexyPay, reference, SandboxFault.Delay(Timeout.InfiniteTimeSpan));

        using var created = await api.CheckoutAsync("PlexyPay", reference, 25.00m);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(2);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, reference).ShouldBe(1);
        sandbox.Ledger.DuplicateCount(PaymentProvider.PlexyPay, reference).ShouldBe(1); // the retry was answered from the first
    }

    [Fact]
    public async Task Checkout_InvalidBody_Returns400WithThisApisFieldNames_AndCallsNoProvider()
    {
        await using var api = await CheckoutApiHost.StartAsync();

        using var response = await api.CheckoutAsync("Stripe", "", 1.234m, currency: "dollars");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await CheckoutApiHost.JsonAsync(response)).GetProperty("errors");
        errors.GetProperty("provider")[0].GetString().ShouldBe("Required, one of: Plutu, PlexyPay, Paysafe, MakeCommerce, PagarStar.");
        errors.GetProperty("merchantReference").GetArrayLength().ShouldBe(1);
        errors.GetProperty("amount")[0].GetString().ShouldBe("In major units, with at most two decimals (25.00, not 2500 minor units).");
        errors.GetProperty("currency").GetArrayLength().ShouldBe(1);
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            api.RequiredSandbox.RequestCount(provider).ShouldBe(0);
        }
    }
}
