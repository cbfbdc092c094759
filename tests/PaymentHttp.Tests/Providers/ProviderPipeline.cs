using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Providers;

/// <summary>
/// Plays one provider response through a real PaymentHttp client (<see cref="PaymentClientHarness"/>: 3 retries, no
/// backoff wait) and checks what the caller gets against a row of docs/providers.md: exception type, category, provider
/// code, HTTP status, retry safety and how many attempts reached the provider.
/// </summary>
internal static class ProviderPipeline
{
    /// <summary>Attempts a retried failure makes with the harness default of 3 retries.</summary>
    public const int RetriedAttempts = 4;

    /// <summary>A status the HTTP-status fallback does not name: alone it classifies as Unknown.</summary>
    private const HttpStatusCode NoStatusRule = (HttpStatusCode)418;

    private const string PaymentJson = """{"amount":100,"merchantRefNum":"order-1"}""";

    /// <summary>A primary-handler step that answers every attempt with a fresh response carrying these bytes.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Reply(
        HttpStatusCode status, byte[] body, string? headerName = null, string? headerValue = null) => (_, _) =>
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        if (body.Length > 0)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        if (headerName is not null)
        {
            response.Headers.TryAddWithoutValidation(headerName, headerValue);
        }

        return Task.FromResult(response);
    };

    /// <summary>
    /// Checks one documented row. The classifier alone must give the table's category and retry safety; through the
    /// pipeline a POST is retried only for <c>always</c> (4 attempts) and a <c>safe-only</c> POST ends at once as
    /// OutcomeUnknown, while a <c>safe-only</c> GET is retried and ends as Transient.
    /// </summary>
    public static async Task AssertRowAsync(
        PaymentProvider provider,
        int status,
        string body,
        PaymentErrorCategory category,
        PaymentRetrySafety retry,
        string? code,
        string? headerName = null,
        string? headerValue = null)
    {
        var statusCode = (HttpStatusCode)status;
        var bytes = Encoding.UTF8.GetBytes(body);

        var classified = ClassifyDirectly(provider, statusCode, bytes, headerName, headerValue);
        classified.ShouldNotBeNull();
        classified.Category.ShouldBe(category);
        classified.RetrySafety.ShouldBe(retry);
        classified.Code.ShouldBe(code);

        var post = await AssertSentAsync(
            provider,
            HttpMethod.Post,
            statusCode,
            bytes,
            retry == PaymentRetrySafety.SafeOnly ? PaymentErrorCategory.OutcomeUnknown : category,
            code,
            retry == PaymentRetrySafety.Always ? RetriedAttempts : 1,
            headerName,
            headerValue);
        post.Error.RetrySafety.ShouldBe(retry);

        if (retry == PaymentRetrySafety.SafeOnly)
        {
            var get = await AssertSentAsync(
                provider, HttpMethod.Get, statusCode, bytes, PaymentErrorCategory.Transient, code, RetriedAttempts, headerName, headerValue);
            get.Error.RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        }
    }

    /// <summary>
    /// Checks one row whose provider code decides: as <see cref="AssertRowAsync"/>, and the classifier must give the
    /// same answer for the same body under a status no fallback rule knows (418), so a row that only agrees with the
    /// HTTP status (1050 on a 400 is InvalidRequest either way) still proves the table.
    /// </summary>
    public static async Task AssertCodeRowAsync(
        PaymentProvider provider,
        int status,
        string body,
        PaymentErrorCategory category,
        PaymentRetrySafety retry,
        string? code,
        string? headerName = null,
        string? headerValue = null)
    {
        var underNoStatusRule = ClassifyDirectly(provider, NoStatusRule, Encoding.UTF8.GetBytes(body), headerName, headerValue);
        underNoStatusRule.ShouldNotBeNull();
        underNoStatusRule.Category.ShouldBe(category, "the code, not the status, must decide");
        underNoStatusRule.RetrySafety.ShouldBe(retry, "the code, not the status, must decide");

        await AssertRowAsync(provider, status, body, category, retry, code, headerName, headerValue);
    }

    /// <summary>
    /// Sends one request whose every attempt gets the same response and checks the typed exception the caller gets.
    /// The classifier must not have thrown: the pipeline would hide that behind the status fallback, but it logs it.
    /// </summary>
    public static async Task<PaymentProviderException> AssertSentAsync(
        PaymentProvider provider,
        HttpMethod method,
        HttpStatusCode status,
        byte[] body,
        PaymentErrorCategory category,
        string? code,
        int attempts,
        string? headerName = null,
        string? headerValue = null,
        Action<PaymentProviderClientOptions>? configure = null)
    {
        var logs = new FakeLoggerProvider();
        using var harness = PaymentClientHarness.Create(provider, configure, services => services.AddLogging(b => b.AddProvider(logs)));
        harness.Primary.Always(Reply(status, body, headerName, headerValue));
        using var request = Request(method);

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => harness.Client.SendAsync(request));

        logs.Collector.GetSnapshot().ShouldNotContain(e => e.Id.Name == "ClassifierFailed", "the classifier must not throw on any body");
        exception.GetType().ShouldBe(ExceptionTypeFor(category));
        exception.Category.ShouldBe(category);
        exception.Provider.ShouldBe(provider);
        exception.StatusCode.ShouldBe(status);
        exception.ProviderCode.ShouldBe(code);
        exception.Attempts.ShouldBe(attempts);
        harness.Primary.Attempts.ShouldBe(attempts);
        return exception;
    }

    /// <summary>A POST whose single attempt gets <paramref name="body"/>: the typed exception the caller gets.</summary>
    public static Task<PaymentProviderException> AssertPostAsync(
        PaymentProvider provider, HttpStatusCode status, string body, PaymentErrorCategory category, string? code) =>
        AssertSentAsync(provider, HttpMethod.Post, status, Encoding.UTF8.GetBytes(body), category, code, attempts: 1);

    /// <summary>A response the caller must get unchanged: no exception, one attempt, the body bytes still readable.</summary>
    public static async Task AssertPassedThroughAsync(PaymentProvider provider, HttpStatusCode status, byte[] body)
    {
        var logs = new FakeLoggerProvider();
        using var harness = PaymentClientHarness.Create(provider, services: services => services.AddLogging(b => b.AddProvider(logs)));
        harness.Primary.Then(Reply(status, body));

        using var response = await harness.PostAsync();

        logs.Collector.GetSnapshot().ShouldNotContain(e => e.Id.Name == "ClassifierFailed", "the classifier must not throw on any body");
        response.StatusCode.ShouldBe(status);
        (await response.Content.ReadAsByteArrayAsync()).SequenceEqual(body).ShouldBeTrue("the body must reach the caller unchanged");
        harness.Primary.Attempts.ShouldBe(1);
    }

    /// <summary>The classifier alone, without the pipeline: what it makes of the response.</summary>
    public static ProviderError? ClassifyDirectly(
        PaymentProvider provider, HttpStatusCode status, byte[] body, string? headerName = null, string? headerValue = null)
    {
        using var message = new HttpResponseMessage(status);
        if (headerName is not null)
        {
            message.Headers.TryAddWithoutValidation(headerName, headerValue);
        }

        var response = new ProviderResponse(status, message.Headers, contentHeaders: null, body, isBodyTruncated: false);
        return ProviderCatalog.ClassifierFor(provider).Classify(in response);
    }

    public static HttpRequestMessage Request(HttpMethod method) => new(method, "payments")
    {
        Content = method == HttpMethod.Get ? null : new StringContent(PaymentJson, Encoding.UTF8, "application/json"),
    };

    /// <summary>The exception type of each category, written out here rather than taken from the library.</summary>
    public static Type ExceptionTypeFor(PaymentErrorCategory category) => category switch
    {
        PaymentErrorCategory.Declined => typeof(ProviderDeclinedException),
        PaymentErrorCategory.InvalidRequest => typeof(ProviderValidationException),
        PaymentErrorCategory.Authentication => typeof(ProviderAuthenticationException),
        PaymentErrorCategory.Authorization => typeof(ProviderAuthorizationException),
        PaymentErrorCategory.NotFound => typeof(ProviderNotFoundException),
        PaymentErrorCategory.Conflict => typeof(ProviderConflictException),
        PaymentErrorCategory.RateLimited => typeof(ProviderRateLimitedException),
        PaymentErrorCategory.Transient => typeof(ProviderUnavailableException),
        PaymentErrorCategory.OutcomeUnknown => typeof(ProviderOutcomeUnknownException),
        PaymentErrorCategory.Configuration => typeof(ProviderConfigurationException),
        _ => typeof(ProviderUnknownErrorException),
    };
}
