using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PaymentHttp.Tests.TestUtilities;
using Category = PaymentHttp.PaymentErrorCategory;
using Retry = PaymentHttp.PaymentRetrySafety;

namespace PaymentHttp.Tests.Providers.PagarStar;

/// <summary>
/// PagarStar PTS (docs/providers.md §5) through the real pipeline: <c>{"code":1000,"message":"..","data":{..}}</c> with
/// business errors inside HTTP 200; <c>1000</c> is success, any other code a failure classified by the table.
/// </summary>
public sealed class PagarStarClassifierTests
{
    private const PaymentProvider Provider = PaymentProvider.PagarStar;

    /// <summary>A body whose code decides (1003, Conflict) where HTTP 400 alone would say InvalidRequest.</summary>
    private static readonly string Duplicate = Pts(1003);

    /// <summary>Every code row of docs/providers.md §5, inside HTTP 200 as PTS sends them; 8101-8108 at both ends and inside.</summary>
    public static TheoryData<int, string, Category, Retry, string?> Codes => new()
    {
        // status, body, category, retry, ProviderCode
        { 200, Pts(1001), Category.InvalidRequest, Retry.Never, "1001" },
        { 200, Pts(1020), Category.InvalidRequest, Retry.Never, "1020" },
        { 200, Pts(1002), Category.NotFound, Retry.Never, "1002" },
        { 200, Pts(1003), Category.Conflict, Retry.Never, "1003" },
        { 200, Pts(1004), Category.Declined, Retry.Never, "1004" },
        { 200, Pts(1005), Category.InvalidRequest, Retry.Never, "1005" },
        { 200, Pts(1006), Category.InvalidRequest, Retry.Never, "1006" },
        { 200, Pts(1007), Category.Declined, Retry.Never, "1007" },
        { 200, Pts(1013), Category.Declined, Retry.Never, "1013" },
        { 200, Pts(1014), Category.Declined, Retry.Never, "1014" },
        { 200, Pts(1008), Category.InvalidRequest, Retry.Never, "1008" },
        { 200, Pts(1009), Category.Authentication, Retry.Never, "1009" },
        { 200, Pts(1012), Category.Authentication, Retry.Never, "1012" },
        { 200, Pts(1016), Category.Authentication, Retry.Never, "1016" },
        { 200, Pts(1100), Category.Authentication, Retry.Never, "1100" },
        { 200, Pts(1010), Category.Authentication, Retry.Never, "1010" },
        { 200, Pts(1017), Category.Authentication, Retry.Never, "1017" },
        { 200, Pts(1011), Category.Configuration, Retry.Never, "1011" },
        { 200, Pts(1015), Category.Configuration, Retry.Never, "1015" },
        { 200, Pts(1018), Category.Authorization, Retry.Never, "1018" },
        { 200, Pts(1019), Category.OutcomeUnknown, Retry.SafeOnly, "1019" },
        { 200, Pts(1021), Category.NotFound, Retry.Never, "1021" },
        { 200, Pts(4001), Category.OutcomeUnknown, Retry.SafeOnly, "4001" },
        { 200, Pts(4003), Category.OutcomeUnknown, Retry.SafeOnly, "4003" },
        { 200, Pts(4002), Category.Declined, Retry.Never, "4002" },
        { 200, Pts(4004), Category.InvalidRequest, Retry.Never, "4004" },
        { 200, Pts(4005), Category.InvalidRequest, Retry.Never, "4005" },
        { 200, Pts(8001), Category.Transient, Retry.Always, "8001" },
        { 200, Pts(8002), Category.Transient, Retry.Always, "8002" },
        { 200, Pts(8003), Category.Declined, Retry.Never, "8003" },
        { 200, Pts(8004), Category.Declined, Retry.Never, "8004" },
        { 200, Pts(8005), Category.Transient, Retry.SafeOnly, "8005" },
        { 200, Pts(9000), Category.Transient, Retry.SafeOnly, "9000" },
        { 200, Pts(8006), Category.Configuration, Retry.Never, "8006" },
        { 200, Pts(8007), Category.Authorization, Retry.Never, "8007" },
        { 200, Pts(8008), Category.Transient, Retry.Always, "8008" },
        { 200, Pts(8010), Category.OutcomeUnknown, Retry.SafeOnly, "8010" },
        { 200, Pts(8011), Category.Configuration, Retry.Never, "8011" },
        { 200, Pts(8012), Category.Configuration, Retry.Never, "8012" },
        { 200, Pts(8013), Category.InvalidRequest, Retry.Never, "8013" },
        { 200, Pts(8101), Category.Configuration, Retry.Never, "8101" },
        { 200, Pts(8104), Category.Configuration, Retry.Never, "8104" },
        { 200, Pts(8108), Category.Configuration, Retry.Never, "8108" },
        { 200, Pts(9001), Category.Configuration, Retry.Never, "9001" },
        { 200, Pts(9003), Category.Configuration, Retry.Never, "9003" },
        { 200, Pts(9005), Category.Configuration, Retry.Never, "9005" },
        { 200, Pts(9006), Category.Configuration, Retry.Never, "9006" },
        { 200, Pts(9008), Category.Configuration, Retry.Never, "9008" },
        { 200, Pts(9002), Category.OutcomeUnknown, Retry.SafeOnly, "9002" },
        { 200, Pts(9007), Category.OutcomeUnknown, Retry.SafeOnly, "9007" },
        { 200, Pts(9009), Category.OutcomeUnknown, Retry.SafeOnly, "9009" },
        { 200, Pts(9004), Category.Transient, Retry.SafeOnly, "9004" },
        { 200, Pts(9999), Category.OutcomeUnknown, Retry.SafeOnly, "9999" },
        // the code as a JSON string, a "msg" instead of "message", another 2xx, and a code on a failure status
        { 200, PtsString("1003"), Category.Conflict, Retry.Never, "1003" },
        { 200, PtsString("8001"), Category.Transient, Retry.Always, "8001" },
        { 200, PtsString("9999"), Category.OutcomeUnknown, Retry.SafeOnly, "9999" },
        { 200, """{"code":1018,"msg":"Whitelist not allow this IP","data":null}""", Category.Authorization, Retry.Never, "1018" },
        { 201, Pts(1004), Category.Declined, Retry.Never, "1004" },
        { 400, Pts(1003), Category.Conflict, Retry.Never, "1003" },
        { 404, Pts(1003), Category.Conflict, Retry.Never, "1003" },
    };

    /// <summary>Failures that carry no PTS code (from a proxy or the web server), and codes PTS does not document.</summary>
    public static TheoryData<int, string, Category, Retry, string?> Statuses => new()
    {
        { 400, "", Category.InvalidRequest, Retry.Never, null },
        { 400, Pts(7777), Category.InvalidRequest, Retry.Never, "7777" },
        { 400, Pts(1000), Category.InvalidRequest, Retry.Never, "1000" },
        { 401, "", Category.Authentication, Retry.Never, null },
        { 402, "", Category.Declined, Retry.Never, null },
        { 403, "<html><body>403 Forbidden</body></html>", Category.Authorization, Retry.Never, null },
        { 404, "", Category.NotFound, Retry.Never, null },
        { 408, "", Category.Transient, Retry.SafeOnly, null },
        { 409, Pts(8100), Category.Conflict, Retry.Never, "8100" },
        { 415, "", Category.InvalidRequest, Retry.Never, null },
        { 422, Pts(8109), Category.InvalidRequest, Retry.Never, "8109" },
        { 429, "", Category.RateLimited, Retry.Always, null },
        { 500, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 500, Pts(1000), Category.OutcomeUnknown, Retry.SafeOnly, "1000" },
        { 502, "<html><body>502 Bad Gateway</body></html>", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 503, "", Category.Transient, Retry.SafeOnly, null },
        { 504, Pts(7777), Category.OutcomeUnknown, Retry.SafeOnly, "7777" },
        { 599, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        // inside HTTP 200 a code other than 1000 is a failure even when unknown: no status rule knows it
        { 200, Pts(7777), Category.Unknown, Retry.Never, "7777" },
        { 200, PtsString("ERR_NEW"), Category.Unknown, Retry.Never, "ERR_NEW" },
    };

    public static TheoryData<string, int, Category, string?> Malformed => new()
    {
        // kind, status, category, ProviderCode
        { "empty", 400, Category.InvalidRequest, null },
        { "empty", 500, Category.OutcomeUnknown, null },
        { "whitespace", 403, Category.Authorization, null },
        { "html page", 502, Category.OutcomeUnknown, null },
        { "plain text", 400, Category.InvalidRequest, null },
        { "json null", 400, Category.InvalidRequest, null },
        { "json string", 404, Category.NotFound, null },
        { "binary", 400, Category.InvalidRequest, null },
        { "top-level array", 400, Category.InvalidRequest, null },
        { "nested objects", 400, Category.InvalidRequest, null },
        { "nested arrays", 500, Category.OutcomeUnknown, null },
        { "nested before the code", 400, Category.InvalidRequest, null },
        { "nested after the code", 400, Category.Conflict, "1003" },
        { "bom", 400, Category.Conflict, "1003" },
        { "bom and whitespace", 400, Category.Conflict, "1003" },
        { "over the limit, code first", 400, Category.Conflict, "1003" },
        { "over the limit, code last", 400, Category.InvalidRequest, null },
        { "invalid utf-8 after the code", 400, Category.Conflict, "1003" },
        { "invalid utf-8 in the code", 400, Category.InvalidRequest, null },
        { "invalid utf-8 in the message", 400, Category.Conflict, "1003" },
        { "truncated in the code", 400, Category.InvalidRequest, null },
        { "truncated in the message", 400, Category.Conflict, "1003" },
        { "code is an object", 400, Category.InvalidRequest, null },
        { "code is an array", 400, Category.InvalidRequest, null },
        { "code is null", 409, Category.Conflict, null },
        { "duplicate code", 400, Category.Conflict, "1003" },
        // inside HTTP 200, a code read before the damage still decides
        { "bom", 200, Category.Conflict, "1003" },
        { "nested after the code", 200, Category.Conflict, "1003" },
        { "invalid utf-8 in the message", 200, Category.Conflict, "1003" },
        { "truncated in the message", 200, Category.Conflict, "1003" },
        { "duplicate code", 200, Category.Conflict, "1003" },
        { "lone surrogate in the message", 200, Category.Conflict, "1003" },
        { "escaped property names", 200, Category.Conflict, "1003" },
    };

    /// <summary>
    /// 2xx bodies the caller gets as they came: a readable code 1000, and bodies the pipeline does not inspect (empty,
    /// or larger than the inspection bound).
    /// </summary>
    public static TheoryData<string> Malformed2xx => new()
    {
        "empty", "over the limit, code first", "over the limit, code last", "truncated after 1000", "duplicate code, accepted last",
    };

    /// <summary>
    /// 2xx bodies without a readable code: not an envelope at all, a code that is missing, null, a boolean, blank, an
    /// object or an array, a body that breaks off before its code, or a code that cannot be decoded. PTS answers
    /// every request with its envelope and the 200 alone does not say whether the order was created, so the
    /// outcome is unknown.
    /// </summary>
    public static TheoryData<string> Unreadable2xx => new()
    {
        "nested objects", "nested before the code", "invalid utf-8 in the code", "truncated in the code",
        "truncated in the string code", "lone surrogate in the code",
        "whitespace", "html page", "plain text", "json null", "json string", "binary", "top-level array", "nested arrays",
        "code is an object", "code is an array", "code is null", "code is true", "code is false", "code is a blank string",
        "no code", "encrypted-looking text", "truncated before the code",
    };

    /// <summary>The accepted code 1000 however it is written; the body still reaches the caller unchanged.</summary>
    [Theory]
    [InlineData("""{"code":1000.0,"message":"Request accepted"}""")]
    [InlineData("""{"code":1e3,"message":"Request accepted"}""")]
    [InlineData("""{"code":10000e-1,"message":"Request accepted"}""")]
    [InlineData("""{"code":"1000.0","message":"Request accepted"}""")]
    [InlineData("""{"code":" 1000 ","message":"Request accepted"}""")]
    [InlineData("""{"code":"\u0031000","message":"Request accepted"}""")]
    public Task Post_200AcceptedWrittenAnotherWay_PassedThrough(string body) =>
        ProviderPipeline.AssertPassedThroughAsync(Provider, HttpStatusCode.OK, Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("""{"code":1003.0}""")]
    [InlineData("""{"code":1.003e3}""")]
    [InlineData("""{"code":"1003.0"}""")]
    [InlineData("""{"code":"1003"}""")]
    public Task Post_200DuplicateWrittenAnotherWay_Conflict(string body) =>
        ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.OK, body, Category.Conflict, "1003");

    /// <summary>A non-integral number and a zero-padded label are not the code they look like: unknown inside a 200.</summary>
    [Theory]
    [InlineData("""{"code":1000.5}""", "1000.5")]
    [InlineData("""{"code":"01000"}""", "01000")]
    [InlineData("""{"code":"01003"}""", "01003")]
    public Task Post_200CodeThatOnlyLooksKnown_Unknown(string body, string code) =>
        ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.OK, body, Category.Unknown, code);

    [Theory]
    [MemberData(nameof(Codes))]
    public Task Send_DocumentedCode_ClassifiedAndRetriedAsDocumented(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertCodeRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Statuses))]
    public Task Send_NoKnownCode_FallsBackToTheHttpStatus(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Malformed))]
    public Task Post_MalformedBody_TypedExceptionByCodeReadOrByStatus(string kind, int status, Category category, string? code) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Post, (HttpStatusCode)status, Body(kind), category, code, attempts: 1);

    [Theory]
    [MemberData(nameof(Malformed2xx))]
    public Task Post_UninspectedOrAccepted2xxBody_PassedThroughAsSuccess(string kind) =>
        ProviderPipeline.AssertPassedThroughAsync(Provider, HttpStatusCode.OK, Body(kind));

    [Theory]
    [MemberData(nameof(Unreadable2xx))]
    public Task Post_Unreadable2xxBody_OutcomeUnknown(string kind) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Post, HttpStatusCode.OK, Body(kind), Category.OutcomeUnknown, code: null, attempts: 1);

    [Theory]
    [MemberData(nameof(Unreadable2xx))]
    public Task Get_Unreadable2xxBody_RetriedThenUnavailable(string kind) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Get, HttpStatusCode.OK, Body(kind), Category.Transient, code: null, attempts: 4);

    [Theory]
    [InlineData("""{"code":1000,"message":"Request accepted","data":{"order_id":"o-1","pay_url":"https://pts.test/pay/o-1"}}""")]
    [InlineData("""{"code":"1000","message":"Request accepted","data":{"order_id":"o-1"}}""")]
    [InlineData("""{"data":{"order_id":"o-1"},"msg":"ok","code":1000}""")]
    public async Task Post_200Accepted_SuccessWithTheBodyStillReadable(string body)
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.OK, body);

        using var response = await harness.PostAsync("api/v2/order/create");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(body);
        (await response.Content.ReadAsStringAsync()).ShouldBe(body);
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"code":8001,"message":"Service not available"}""")]
    [InlineData("""{"code":"8002","message":"Gateway not available"}""")]
    [InlineData("""{"code":8008,"message":"Exchange rate not available"}""")]
    public async Task Post_200ServiceNotAvailableThenAccepted_RetriedEvenForAPostAndSucceeds(string unavailable)
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.OK, unavailable).Respond(HttpStatusCode.OK, """{"code":1000,"message":"Request accepted"}""");

        using var response = await harness.PostAsync("api/v2/order/create");

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"code":1000,"message":"Request accepted"}""");
        harness.Primary.Attempts.ShouldBe(2);
        harness.Primary.Requests.ShouldAllBe(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Post_200Duplicate_ConflictWithTheMessage()
    {
        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.OK, """{"code":1003,"message":"Duplicate order id","data":null}""", Category.Conflict, "1003");

        exception.ShouldBeOfType<ProviderConflictException>();
        exception.Error.Message.ShouldBe("Duplicate order id");
    }

    [Fact]
    public async Task Post_200UpstreamFailedThenAccepted_NotRetriedBecauseTheUpstreamMayHaveActed()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.OK, Pts(4001)).Respond(HttpStatusCode.OK, Pts(1000));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        exception.ProviderCode.ShouldBe("4001");
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_200ServiceNotAvailableWithLongRetryAfter_UnavailableAtOnceWithTheWait()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.OK, Pts(8001), r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(300)));

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.PostAsync());

        exception.Error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(300));
        exception.ProviderCode.ShouldBe("8001");
        exception.Attempts.ShouldBe(1);
    }

    private static string Pts(int code) => $$"""{"code":{{code}},"message":"PTS says no.","data":null}""";

    private static string PtsString(string code) => $$"""{"code":"{{code}}","message":"PTS says no.","data":null}""";

    private static byte[] Body(string kind) => kind switch
    {
        "invalid utf-8 in the code" => MalformedBodies.WithInvalidUtf8("""{"code":"10¤03","message":"x"}"""),
        "invalid utf-8 in the message" => MalformedBodies.WithInvalidUtf8("""{"code":1003,"message":"Duplicate ¤ order id"}"""),
        // 100 is what is left of 1000 (accepted) or 1003 (duplicate): it must not count as a code
        "truncated in the code" => Encoding.UTF8.GetBytes("""{"code":100"""),
        "truncated in the string code" => Encoding.UTF8.GetBytes("""{"code":"100"""),
        "truncated after 1000" => Encoding.UTF8.GetBytes("""{"code":1000,"message":"Request acc"""),
        "truncated in the message" => Encoding.UTF8.GetBytes("""{"code":1003,"message":"Duplicate ord"""),
        "code is an object" => Encoding.UTF8.GetBytes("""{"code":{"value":1003},"message":"x"}"""),
        "code is an array" => Encoding.UTF8.GetBytes("""{"code":[1003],"message":"x"}"""),
        "code is null" => Encoding.UTF8.GetBytes("""{"code":null,"message":"x"}"""),
        "code is true" => Encoding.UTF8.GetBytes("""{"code":true,"message":"x"}"""),
        "code is false" => Encoding.UTF8.GetBytes("""{"code":false,"message":"x"}"""),
        "code is a blank string" => Encoding.UTF8.GetBytes("""{"code":"  ","message":"x"}"""),
        "truncated before the code" => Encoding.UTF8.GetBytes("""{"message":"Request accepted","co"""),
        "lone surrogate in the message" => Encoding.UTF8.GetBytes("""{"code":1003,"message":"\uD800"}"""),
        "escaped property names" => Encoding.UTF8.GetBytes("""{"\u0063ode":1003}"""),
        "lone surrogate in the code" => Encoding.UTF8.GetBytes("""{"code":"1000\uD800"}"""),
        "no code" => Encoding.UTF8.GetBytes("""{"data":{"order_id":"o-1","status":"PAID"}}"""),
        "duplicate code" => Encoding.UTF8.GetBytes("""{"code":1000,"message":"x","code":1003}"""),
        "duplicate code, accepted last" => Encoding.UTF8.GetBytes("""{"code":1003,"message":"x","code":1000}"""),
        "encrypted-looking text" => Encoding.UTF8.GetBytes("q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm+/=="),
        _ => MalformedBodies.For(kind, Duplicate),
    };
}
