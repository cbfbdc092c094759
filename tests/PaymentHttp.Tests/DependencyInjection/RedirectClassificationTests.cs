using System.Net;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.DependencyInjection;

/// <summary>
/// A final 3xx is classified by the money rule and never followed, retried or passed as a success; an answer that a
/// handler below reached by following a redirect is never the answer to the request that was sent.
/// </summary>
public sealed class RedirectClassificationTests
{
    private const string SecretLocation = "https://other.test/v2/pay?token=tok_live_secret&card=4111111111111111";

    [Theory]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(305)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Post_Redirect_IsConfigurationErrorNamingTheLocationWithoutItsQuery(int status)
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 3);
        harness.Primary.Always((_, _) => Redirect(status, SecretLocation));

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => harness.PostAsync());

        exception.StatusCode.ShouldBe((HttpStatusCode)status);
        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("https://other.test/v2/pay?(query removed) (another origin)");
        exception.ToString().ShouldNotContain("tok_live_secret");
        exception.ToString().ShouldNotContain("4111111111111111");
    }

    [Fact]
    public async Task Post_SeeOther_IsOutcomeUnknown_NotRetriedEvenWithAnIdempotencyKey()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.PlexyPay, o => o.Retry.MaxRetryAttempts = 3);
        harness.Primary.Always((_, _) => Redirect(303, "/v1/payments/pay_1"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "order-1");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.Client.SendAsync(request));

        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Never);
        exception.Message.ShouldContain("http://provider.test/v1/payments/pay_1");
        exception.Message.ShouldNotContain("another origin");
    }

    [Theory]
    [InlineData(304)]
    [InlineData(399)]
    public async Task Post_OtherRedirectStatus_IsOutcomeUnknown(int status)
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 3);
        harness.Primary.Always((_, _) => Redirect(status, location: null));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        exception.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("(no Location header)");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Get_Redirect_IsConfigurationError_NotFollowedNotRetried(int status)
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 3);
        harness.Primary.Always((_, _) => Redirect(status, "https://other.test/payments/1"));

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => harness.GetAsync());

        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("to GET: redirected to https://other.test/payments/1 (another origin)");
    }

    [Fact]
    public async Task Get_NotModifiedToAConditionalRequest_PassesThrough()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always((_, _) => Redirect(304, location: null));
        using var request = new HttpRequestMessage(HttpMethod.Get, "payments/1");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");

        using var response = await harness.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Get_NotModifiedWithoutACondition_IsNoValidAnswer_RetriedAsTransient()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 2);
        harness.Primary.Always((_, _) => Redirect(304, location: null));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());

        exception.Attempts.ShouldBe(3);
        harness.Primary.Attempts.ShouldBe(3);
    }

    [Theory]
    [InlineData("POST", typeof(ProviderOutcomeUnknownException))]
    [InlineData("PUT", typeof(ProviderOutcomeUnknownException))]
    [InlineData("GET", typeof(ProviderConfigurationException))]
    public async Task AnswerFromAFollowedRedirect_IsNeverASuccess(string method, Type expected)
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 3);
        harness.Primary.Always((request, _) =>
        {
            // What a redirect-following handler does: rewrite the request, answer from the new address.
            request.RequestUri = new Uri("https://other.test/landing?session=s3cr3t");
            request.Method = HttpMethod.Get;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{\"ok\":true}") });
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), "payments") { Content = method == "GET" ? null : new StringContent("{}") };

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => harness.Client.SendAsync(request));

        exception.GetType().ShouldBe(expected);
        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("https://other.test/landing?(query removed) (another origin)");
        exception.Message.ShouldNotContain("s3cr3t");
    }

    [Fact]
    public async Task SameAddressAnswer_IsNotMistakenForARedirect()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always((request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{}") }));

        using var response = await harness.PostAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Redirect(int status, string? location)
    {
        var response = ScriptedHandler.Json((HttpStatusCode)status, """{"code":1,"message":"moved"}""");
        if (location is not null)
        {
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        }

        return Task.FromResult(response);
    }
}
