using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.IntegrationTests.Infrastructure;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Fleet;

/// <summary>
/// The sandbox's per-provider rate limit, over real loopback sockets, on a manual clock so that the one-second windows
/// are exact: N requests a second pass, the rest get 429 with <c>Retry-After</c> and are not charged, and every second
/// is counted.
/// </summary>
public sealed class SandboxRateLimitTests
{
    [Fact]
    public async Task PastTheLimit_Answers429WithRetryAfter_ChargesNothing_AndCountsEachSecond()
    {
        var clock = new ManualClock();
        await using var sandbox = await ProviderSandbox.StartAsync(clock, CancellationToken.None);
        using var client = PlainClient(sandbox, PaymentProvider.PlexyPay);
        sandbox.SetRateLimit(PaymentProvider.PlexyPay, 3);

        var first = await PayManyAsync(client, "s0-", 5);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var stillFirst = await PayManyAsync(client, "s0b-", 1);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await PayManyAsync(client, "s1-", 4);
        clock.Advance(TimeSpan.FromSeconds(2));
        var fourth = await PayManyAsync(client, "s3-", 2);

        first.Select(r => r.Status).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        stillFirst.Single().Status.ShouldBe(HttpStatusCode.TooManyRequests);
        second.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(3);
        fourth.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        foreach (var refused in first.Concat(stillFirst).Concat(second).Where(r => r.Status == HttpStatusCode.TooManyRequests))
        {
            refused.RetryAfter.ShouldBe("1");
            refused.Body.ShouldContain("\"rate_limit_error\"");
            sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, refused.Reference).ShouldBe(0);
        }

        foreach (var accepted in first.Concat(second).Concat(fourth).Where(r => r.Status == HttpStatusCode.OK))
        {
            sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, accepted.Reference).ShouldBe(1);
        }

        var report = sandbox.RateLimitReport(PaymentProvider.PlexyPay).ShouldNotBeNull();
        report.RequestsPerSecond.ShouldBe(3);
        report.Seconds.Select(s => (s.Second, s.Accepted, s.Refused)).ShouldBe([(0, 3, 3), (1, 3, 1), (2, 0, 0), (3, 2, 0)]);
        report.Accepted.ShouldBe(8);
        report.Refused.ShouldBe(4);
        report.RefusedShare.ShouldBe(4 / 12.0);
        report.FirstAccepted.ShouldBe(TimeSpan.Zero);
        report.LastAccepted.ShouldBe(TimeSpan.FromSeconds(3));
        report.AcceptedPerSecond.ShouldBe(7 / 3.0);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(12);
    }

    [Fact]
    public async Task OffByDefault_AndPerProvider_AndRemovable()
    {
        var clock = new ManualClock();
        await using var sandbox = await ProviderSandbox.StartAsync(clock, CancellationToken.None);
        using var plexyPay = PlainClient(sandbox, PaymentProvider.PlexyPay);
        using var plutu = PlainClient(sandbox, PaymentProvider.Plutu);

        (await PayManyAsync(plexyPay, "off-", 10)).ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        sandbox.RateLimitReport(PaymentProvider.PlexyPay).ShouldBeNull();

        sandbox.SetRateLimit(PaymentProvider.Plutu, 1);
        (await PayManyAsync(plexyPay, "other-", 5)).ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        using (var refused = await plutu.PostAsync("transaction/edfali/confirm", PlutuForm("inv-a")))
        using (var secondRefused = await plutu.PostAsync("transaction/edfali/confirm", PlutuForm("inv-b")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            secondRefused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await secondRefused.Content.ReadAsStringAsync()).ShouldContain("TOO_MANY_REQUESTS");
        }

        sandbox.SetRateLimit(PaymentProvider.Plutu, null);
        sandbox.RateLimitReport(PaymentProvider.Plutu).ShouldBeNull();
        using var afterRemoval = await plutu.PostAsync("transaction/edfali/confirm", PlutuForm("inv-b"));
        afterRemoval.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnOutageAnswersFirst_AndIsNotCountedByTheLimit()
    {
        var clock = new ManualClock();
        await using var sandbox = await ProviderSandbox.StartAsync(clock, CancellationToken.None);
        using var client = PlainClient(sandbox, PaymentProvider.PlexyPay);
        sandbox.SetRateLimit(PaymentProvider.PlexyPay, 1);
        sandbox.SetOutage(PaymentProvider.PlexyPay, true);

        (await PayManyAsync(client, "down-", 3)).ShouldAllBe(r => r.Status == HttpStatusCode.ServiceUnavailable);
        sandbox.SetOutage(PaymentProvider.PlexyPay, false);
        (await PayManyAsync(client, "up-", 1)).Single().Status.ShouldBe(HttpStatusCode.OK);

        var report = sandbox.RateLimitReport(PaymentProvider.PlexyPay).ShouldNotBeNull();
        (report.Accepted, report.Refused).ShouldBe((1, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task ALimitBelowOne_IsRefusedWithTheParameterNamed(int requestsPerSecond)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();

        var error = Should.Throw<ArgumentOutOfRangeException>(() => sandbox.SetRateLimit(PaymentProvider.Paysafe, requestsPerSecond));

        error.ParamName.ShouldBe("requestsPerSecond");
        error.Message.ShouldContain("at least 1 request per second");
    }

    [Fact]
    public async Task APaymentHttpClient_TurnsTheSandboxes429IntoProviderRateLimitedException_WithItsRetryAfter()
    {
        var clock = new ManualClock();
        await using var sandbox = await ProviderSandbox.StartAsync(clock, CancellationToken.None);
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plexypay", PaymentProvider.PlexyPay, o =>
        {
            o.BaseAddress = sandbox.BaseAddress(PaymentProvider.PlexyPay);
            o.Retry.MaxRetryAttempts = 0;
        }).AddHttpMessageHandler(() => sandbox.CredentialsHandler(PaymentProvider.PlexyPay));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");
        sandbox.SetRateLimit(PaymentProvider.PlexyPay, 1);

        using (var accepted = await client.PostAsJsonAsync("payments", PlexyPayPayment("pay-1")))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => client.PostAsJsonAsync("payments", PlexyPayPayment("pay-2")));

        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "pay-2").ShouldBe(0);
    }

    private static HttpClient PlainClient(ProviderSandbox sandbox, PaymentProvider provider)
    {
        var handler = sandbox.CredentialsHandler(provider);
        handler.InnerHandler = new SocketsHttpHandler();
        return new HttpClient(handler) { BaseAddress = sandbox.BaseAddress(provider), Timeout = TimeSpan.FromSeconds(10) };
    }

    private static object PlexyPayPayment(string reference) => new { reference, amount = 2500, currency = "EUR", card_number = SandboxCards.Approved };

    private static FormUrlEncodedContent PlutuForm(string invoice) => new(new Dictionary<string, string> { ["invoice_no"] = invoice, ["amount"] = "25.000" });

    private static async Task<List<Answer>> PayManyAsync(HttpClient client, string prefix, int count)
    {
        var answers = new List<Answer>();
        for (var i = 0; i < count; i++)
        {
            var reference = prefix + i;
            using var response = await client.PostAsJsonAsync("payments", PlexyPayPayment(reference));
            var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? string.Join(",", values) : null;
            answers.Add(new Answer(reference, response.StatusCode, retryAfter, await response.Content.ReadAsStringAsync()));
        }

        return answers;
    }

    private sealed record Answer(string Reference, HttpStatusCode Status, string? RetryAfter, string Body);
}
