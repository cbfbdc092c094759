using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PaymentHttp.IntegrationTests.Redirects;

/// <summary>
/// Redirects over real sockets, with the HttpClient factory's real primary handler: a provider on one Kestrel server
/// answers 301/302/303/307/308 (to itself, or to a second server on another port, another origin, that records what
/// it receives) and loops. The payment reaches the provider exactly once, nothing reaches the other origin, and the
/// caller gets the money rule's typed exception with <c>Attempts</c> equal to the requests on the wire.
/// </summary>
public sealed class RedirectOverTheWireTests : IAsyncLifetime
{
    private const string Card = "4111111111111111";
    private const string ApiKey = "key_live_redirect_9f2c";
    private const string Bearer = "Bearer tok_live_redirect_77a1";

    private RecordingServer _provider = null!;
    private RecordingServer _other = null!;

    public static TheoryData<int, bool> RedirectsToAPayment => new()
    {
        { 301, false }, { 302, false }, { 303, false }, { 307, false }, { 308, false },
        { 301, true }, { 302, true }, { 303, true }, { 307, true }, { 308, true },
    };

    public async Task InitializeAsync()
    {
        _other = await RecordingServer.StartAsync(static (context, _) => Json(context, 200, """{"status":"COMPLETED","id":"p_1"}"""));
        _provider = await RecordingServer.StartAsync(RespondAsProviderAsync);
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(RedirectsToAPayment))]
    public async Task Post_Redirected_SentOnce_NothingToTheOtherOrigin_TypedByTheMoneyRule(int status, bool crossOrigin)
    {
        using var services = Client();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => client.SendAsync(Payment($"pay/{status}/{(crossOrigin ? "cross" : "same")}")));

        exception.GetType().ShouldBe(status == 303 ? typeof(ProviderOutcomeUnknownException) : typeof(ProviderConfigurationException));
        exception.StatusCode.ShouldBe((HttpStatusCode)status);
        _provider.Requests.ShouldHaveSingleItem().Body.ShouldContain(Card);
        _other.Count.ShouldBe(0);
        exception.Attempts.ShouldBe(_provider.Count);
        exception.Message.ShouldContain(crossOrigin ? $"{_other.Root}landing?(query removed) (another origin)" : $"{_provider.Root}landing");
        exception.ToString().ShouldNotContain("otp_secret");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Get_Redirected_NotFollowed_ConfigurationError(int status)
    {
        using var services = Client();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => client.GetAsync($"pay/{status}/cross"));

        exception.Attempts.ShouldBe(1);
        _provider.Count.ShouldBe(1);
        _other.Count.ShouldBe(0);
    }

    [Fact]
    public async Task RedirectLoop_OneRequest_EvenForARequestSafeToRepeat()
    {
        using var services = Client();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");
        using var payment = Payment("loop");
        payment.Headers.Add("Idempotency-Key", "order-loop");

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => client.SendAsync(payment));

        exception.Attempts.ShouldBe(1);
        _provider.Count.ShouldBe(1);
    }

    [Fact]
    public async Task UserPrimaryHandlerThatFollowsRedirects_IsSwitchedOff()
    {
        using var services = Client(builder => builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 50 }));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => client.SendAsync(Payment("pay/307/cross")));

        exception.Attempts.ShouldBe(1);
        _provider.Count.ShouldBe(1);
        _other.Count.ShouldBe(0);
    }

    [Fact]
    public async Task UnknownPrimaryHandlerThatFollowsRedirects_ItsAnswerIsNeverASuccess()
    {
        // A handler PaymentHttp cannot see into: it follows the 302 itself (as a GET, to the other origin).
        using var services = Client(builder => builder.ConfigurePrimaryHttpMessageHandler(() => new OpaqueFollowingHandler()));
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.SendAsync(Payment("pay/302/cross")));

        exception.Attempts.ShouldBe(1);
        exception.Message.ShouldContain("a handler below PaymentHttp followed it");
        _provider.Count.ShouldBe(1);
        _other.Requests.ShouldHaveSingleItem().Method.ShouldBe("GET"); // the follow PaymentHttp could not stop, but never a success
    }

    [Fact]
    public async Task NotModified_ToAConditionalGet_PassesThrough()
    {
        using var services = Client();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("plexypay");
        using var request = new HttpRequestMessage(HttpMethod.Get, "not-modified");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        _provider.Count.ShouldBe(1);
    }

    private ServiceProvider Client(Action<IHttpClientBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddPaymentProviderClient("plexypay", PaymentProvider.PlexyPay, o =>
        {
            o.BaseAddress = _provider.Root;
            o.Retry.MaxRetryAttempts = 3;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static HttpRequestMessage Payment(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"reference":"r-1","amount":2500,"currency":"EUR","card_number":"{{Card}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-API-KEY", ApiKey);
        request.Headers.TryAddWithoutValidation("Authorization", Bearer);
        return request;
    }

    private Task RespondAsProviderAsync(HttpContext context, RecordingServer self)
    {
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        switch (segments[0])
        {
            case "pay":
                var status = int.Parse(segments[1], CultureInfo.InvariantCulture);
                context.Response.Headers.Location = segments[2] == "cross"
                    ? new Uri(_other.Root, "landing?otp_secret=12345").ToString()
                    : "/landing";
                return Json(context, status, """{"message":"moved"}""");
            case "loop":
                context.Response.Headers.Location = "/loop";
                return Json(context, 307, string.Empty);
            case "not-modified":
                context.Response.Headers.ETag = "\"v1\"";
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            default:
                return Json(context, 200, """{"status":"COMPLETED","id":"p_1"}""");
        }
    }

    private static Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>A primary handler of a type PaymentHttp does not know, following redirects inside.</summary>
    private sealed class OpaqueFollowingHandler : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(new SocketsHttpHandler { AllowAutoRedirect = true });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _inner.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
