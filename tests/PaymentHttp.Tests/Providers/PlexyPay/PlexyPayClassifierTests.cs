using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PaymentHttp.Tests.TestUtilities;
using Category = PaymentHttp.PaymentErrorCategory;
using Retry = PaymentHttp.PaymentRetrySafety;

namespace PaymentHttp.Tests.Providers.PlexyPay;

/// <summary>
/// PlexyPay (docs/providers.md §2) through the real pipeline, in both envelopes: typed Pay API errors
/// <c>{"code":1,"message":"..","source":"..","type":"apiError"}</c> (code as JSON number and as string) and Stripe-like
/// <c>{"error":{"type":"..","code":"..",..}}</c>.
/// </summary>
public sealed class PlexyPayClassifierTests
{
    private const PaymentProvider Provider = PaymentProvider.PlexyPay;

    /// <summary>A body whose code decides (4, NotFound) where HTTP 400 alone would say InvalidRequest.</summary>
    private const string NotFound = """{"code":4,"message":"Not Found","source":"payments","type":"apiError"}""";

    /// <summary>Envelope A: the Pay API codes and the legacy codes, each as a JSON number and as a JSON string.</summary>
    public static TheoryData<int, string, Category, Retry, string?> TypedCodes => new()
    {
        // status, body, category, retry, ProviderCode
        { 503, Typed(1, "apiError"), Category.Transient, Retry.Always, "1" },
        { 503, TypedString("1", "apiError"), Category.Transient, Retry.Always, "1" },
        { 500, Typed(2, "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "2" },
        { 500, TypedString("2", "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "2" },
        { 400, Typed(3, "apiError"), Category.InvalidRequest, Retry.Never, "3" },
        { 400, TypedString("3", "apiError"), Category.InvalidRequest, Retry.Never, "3" },
        { 404, Typed(4, "apiError"), Category.NotFound, Retry.Never, "4" },
        { 404, TypedString("4", "apiError"), Category.NotFound, Retry.Never, "4" },
        { 422, Typed(5, "validationError"), Category.InvalidRequest, Retry.Never, "5" },
        { 422, TypedString("5", "validationError"), Category.InvalidRequest, Retry.Never, "5" },
        // the code decides, not the status it usually comes with
        { 400, Typed(4, "apiError"), Category.NotFound, Retry.Never, "4" },
        { 409, Typed(5, "validationError"), Category.InvalidRequest, Retry.Never, "5" },
        { 404, Typed(5, "apiError"), Category.InvalidRequest, Retry.Never, "5" },
        // legacy: 3001-3003 missing or malformed api key, 3004-3030 underlying service connection problem
        { 400, Typed(3001, "apiError"), Category.Authentication, Retry.Never, "3001" },
        { 400, TypedString("3002", "apiError"), Category.Authentication, Retry.Never, "3002" },
        { 401, Typed(3003, "apiError"), Category.Authentication, Retry.Never, "3003" },
        { 500, Typed(3004, "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "3004" },
        { 503, TypedString("3017", "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "3017" },
        { 502, Typed(3030, "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "3030" },
        // validationError with an unknown code is InvalidRequest whatever the status
        { 404, Typed(77, "validationError"), Category.InvalidRequest, Retry.Never, "77" },
        { 404, """{"message":"amount must be positive","source":"payments","type":"validationError"}""", Category.InvalidRequest, Retry.Never, null },
        { 409, TypedString("amount_too_small", "validationError"), Category.InvalidRequest, Retry.Never, "amount_too_small" },
    };

    /// <summary>Envelope B: <c>error.type</c>, refined by <c>error.code</c> where docs/providers.md gives the pair.</summary>
    public static TheoryData<int, string, Category, Retry, string?> StripeLikeCodes => new()
    {
        { 402, StripeLike("card_error", "card_declined"), Category.Declined, Retry.Never, "card_declined" },
        { 402, StripeLike("card_error", "expired_card"), Category.Declined, Retry.Never, "expired_card" },
        { 402, StripeLike("card_error", "incorrect_cvc"), Category.Declined, Retry.Never, "incorrect_cvc" },
        { 402, StripeLike("card_error", "insufficient_funds"), Category.Declined, Retry.Never, "insufficient_funds" },
        { 400, StripeLike("card_error", "card_declined"), Category.Declined, Retry.Never, "card_declined" },
        { 402, StripeLike("card_error", "processing_error"), Category.OutcomeUnknown, Retry.SafeOnly, "processing_error" },
        { 400, StripeLike("invalid_request_error", "parameter_missing"), Category.InvalidRequest, Retry.Never, "parameter_missing" },
        { 400, StripeLike("invalid_request_error", "parameter_invalid"), Category.InvalidRequest, Retry.Never, "parameter_invalid" },
        { 400, StripeLike("invalid_request_error", "parameter_unknown"), Category.InvalidRequest, Retry.Never, "parameter_unknown" },
        { 404, StripeLike("invalid_request_error", "resource_missing"), Category.NotFound, Retry.Never, "resource_missing" },
        { 400, StripeLike("invalid_request_error", "resource_missing"), Category.NotFound, Retry.Never, "resource_missing" },
        { 409, StripeLike("idempotency_error", "idempotency_key_in_use"), Category.Conflict, Retry.Never, "idempotency_key_in_use" },
        { 400, StripeLike("idempotency_error", "idempotency_key_in_use"), Category.Conflict, Retry.Never, "idempotency_key_in_use" },
        { 401, StripeLike("authentication_error", "api_key_invalid"), Category.Authentication, Retry.Never, "api_key_invalid" },
        { 401, StripeLike("authentication_error", "api_key_expired"), Category.Authentication, Retry.Never, "api_key_expired" },
        { 403, StripeLike("authentication_error", "api_key_revoked"), Category.Authentication, Retry.Never, "api_key_revoked" },
        { 500, StripeLike("api_error", "internal_error"), Category.OutcomeUnknown, Retry.SafeOnly, "internal_error" },
        { 503, StripeLike("api_error", "service_unavailable"), Category.OutcomeUnknown, Retry.SafeOnly, "service_unavailable" },
        { 429, StripeLike("rate_limit_error", "rate_limit"), Category.RateLimited, Retry.Always, "rate_limit" },
        // the code as a JSON number: kept as a string, the type decides
        { 402, """{"error":{"type":"card_error","code":5,"message":"Declined"}}""", Category.Declined, Retry.Never, "5" },
        { 400, """{"error":{"type":"invalid_request_error","code":3001}}""", Category.InvalidRequest, Retry.Never, "3001" },
    };

    /// <summary>
    /// Unknown apiError codes and unknown or missing Stripe-like types fall back to the status; then the shared fallback
    /// table, with a typed apiError whose code is unknown, or with no body.
    /// </summary>
    public static TheoryData<int, string, Category, Retry, string?> Statuses => new()
    {
        // apiError with an unknown code falls back to the status
        { 409, Typed(77, "apiError"), Category.Conflict, Retry.Never, "77" },
        { 400, Typed(3031, "apiError"), Category.InvalidRequest, Retry.Never, "3031" },
        { 500, Typed(3000, "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "3000" },
        { 403, Typed(6, "apiError"), Category.Authorization, Retry.Never, "6" },
        // an unknown type, or no type, falls back to the status
        { 403, StripeLike("permission_error", "not_allowed"), Category.Authorization, Retry.Never, "not_allowed" },
        { 400, """{"error":{"code":"card_declined","message":"Declined"}}""", Category.InvalidRequest, Retry.Never, "card_declined" },
        { 500, """{"error":{"message":"Oops"}}""", Category.OutcomeUnknown, Retry.SafeOnly, null },
        // the shared table, status by status
        { 400, Typed(99, "apiError"), Category.InvalidRequest, Retry.Never, "99" },
        { 401, Typed(99, "apiError"), Category.Authentication, Retry.Never, "99" },
        { 402, Typed(99, "apiError"), Category.Declined, Retry.Never, "99" },
        { 403, Typed(99, "apiError"), Category.Authorization, Retry.Never, "99" },
        { 404, Typed(99, "apiError"), Category.NotFound, Retry.Never, "99" },
        { 408, Typed(99, "apiError"), Category.Transient, Retry.SafeOnly, "99" },
        { 409, Typed(99, "apiError"), Category.Conflict, Retry.Never, "99" },
        { 415, Typed(99, "apiError"), Category.InvalidRequest, Retry.Never, "99" },
        { 422, Typed(99, "apiError"), Category.InvalidRequest, Retry.Never, "99" },
        { 429, Typed(99, "apiError"), Category.RateLimited, Retry.Always, "99" },
        { 429, "", Category.RateLimited, Retry.Always, null },
        { 500, Typed(99, "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "99" },
        { 500, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 502, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 503, "", Category.Transient, Retry.SafeOnly, null },
        { 504, Typed(99, "apiError"), Category.OutcomeUnknown, Retry.SafeOnly, "99" },
        { 599, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
    };

    public static TheoryData<string, int, Category, string?> Malformed => new()
    {
        // kind, status, category, ProviderCode
        { "empty", 400, Category.InvalidRequest, null },
        { "empty", 500, Category.OutcomeUnknown, null },
        { "whitespace", 402, Category.Declined, null },
        { "html page", 502, Category.OutcomeUnknown, null },
        { "plain text", 400, Category.InvalidRequest, null },
        { "json null", 400, Category.InvalidRequest, null },
        { "json string", 404, Category.NotFound, null },
        { "binary", 400, Category.InvalidRequest, null },
        { "top-level array", 400, Category.InvalidRequest, null },
        { "nested objects", 400, Category.InvalidRequest, null },
        { "nested arrays", 500, Category.OutcomeUnknown, null },
        { "nested before the code", 400, Category.InvalidRequest, null },
        { "nested after the code", 400, Category.NotFound, "4" },
        { "bom", 400, Category.NotFound, "4" },
        { "bom and whitespace", 400, Category.NotFound, "4" },
        { "over the limit, code first", 400, Category.NotFound, "4" },
        { "over the limit, code last", 400, Category.InvalidRequest, null },
        { "invalid utf-8 after the code", 400, Category.NotFound, "4" },
        { "invalid utf-8 in the code", 400, Category.InvalidRequest, null },
        { "invalid utf-8 in the message", 400, Category.NotFound, "4" },
        { "truncated in the code", 500, Category.OutcomeUnknown, null },
        { "truncated in the code", 400, Category.InvalidRequest, null },
        { "truncated in the message", 400, Category.NotFound, "4" },
        { "truncated in the stripe-like code", 400, Category.Declined, null },
        { "truncated in the stripe-like message", 400, Category.Declined, "card_declined" },
        { "code is an object", 400, Category.InvalidRequest, null },
        { "code is an array", 400, Category.InvalidRequest, null },
        { "code is null", 404, Category.NotFound, null },
        { "type is an object", 409, Category.Conflict, "77" },
        { "error is text", 400, Category.InvalidRequest, null },
        { "error is an array", 500, Category.OutcomeUnknown, null },
        { "param is an object", 400, Category.InvalidRequest, "parameter_invalid" },
        { "duplicate code", 400, Category.NotFound, "4" },
        { "duplicate error", 400, Category.Declined, "card_declined" },
        { "lone surrogate in the decline code", 400, Category.Declined, "card_declined" },
        { "escaped property names", 400, Category.NotFound, "4" },
    };

    [Theory]
    [MemberData(nameof(TypedCodes))]
    public Task Send_TypedEnvelopeCode_ClassifiedAndRetriedAsDocumented(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertCodeRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(StripeLikeCodes))]
    public Task Send_StripeLikeEnvelope_ClassifiedAndRetriedAsDocumented(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertCodeRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Statuses))]
    public Task Send_NoKnownCode_FallsBackToTheHttpStatus(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Malformed))]
    public Task Post_MalformedBody_TypedExceptionByCodeReadOrByStatus(string kind, int status, Category category, string? code) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Post, (HttpStatusCode)status, Body(kind), category, code, attempts: 1);

    [Fact]
    public async Task Post_StripeLikeDecline_CarriesDeclineCodeRequestIdAndMessage()
    {
        const string body = """
            {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
              "message":"Your card has insufficient funds.","request_id":"req_8Hx2","doc_url":"https://docs.plexypay.com/errors"}}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.PaymentRequired, body, Category.Declined, "card_declined");

        exception.Error.DeclineCode.ShouldBe("insufficient_funds");
        exception.Error.RequestId.ShouldBe("req_8Hx2");
        exception.Error.Message.ShouldBe("Your card has insufficient funds.");
        exception.Error.FieldErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StripeLikeParam_BecomesAFieldError()
    {
        const string body = """
            {"error":{"type":"invalid_request_error","code":"parameter_missing","param":"amount",
              "message":"Missing required param: amount.","request_id":"req_1"}}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.InvalidRequest, "parameter_missing");

        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe([("amount", "Missing required param: amount.")]);
        exception.Error.RequestId.ShouldBe("req_1");
        exception.Error.DeclineCode.ShouldBeNull();
    }

    [Fact]
    public async Task Post_TypedEnvelope_CarriesMessageAndSource()
    {
        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.UnprocessableEntity, """{"code":5,"message":"Unprocessable Entity","source":"keys","type":"validationError"}""", Category.InvalidRequest, "5");

        exception.Error.Message.ShouldBe("Unprocessable Entity");
        exception.Error.Details.ShouldBe(["source: keys"]);
    }

    [Fact]
    public async Task Post_ServiceUnavailableCode_RetriedEvenForAPostThenSucceeds()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.ServiceUnavailable, Typed(1, "apiError")).Respond(HttpStatusCode.OK, """{"id":"pay_1"}""");

        using var response = await harness.PostAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"id":"pay_1"}""");
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"error":{"type":"api_error","code":"internal_error","message":"Oops"}}""", "internal_error")]
    [InlineData("""{"code":2,"message":"Something Went Wrong","source":"core","type":"apiError"}""", "2")]
    public async Task Post_ServerErrorWithIdempotencyKey_RetriedAndEndsAsTransient(string body, string code)
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Always(ProviderPipeline.Reply(HttpStatusCode.InternalServerError, Encoding.UTF8.GetBytes(body)));
        using var request = ProviderPipeline.Request(HttpMethod.Post);
        request.Headers.Add("Idempotency-Key", "order-42");

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.Client.SendAsync(request));

        exception.Category.ShouldBe(Category.Transient);
        exception.ProviderCode.ShouldBe(code);
        exception.Attempts.ShouldBe(ProviderPipeline.RetriedAttempts);
        harness.Primary.Requests.ShouldAllBe(r => r.Headers["Idempotency-Key"] == "order-42");
    }

    [Fact]
    public async Task Post_ServerErrorWithIdempotencyKeyThenSuccess_Succeeds()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary
            .Respond(HttpStatusCode.InternalServerError, StripeLike("api_error", "internal_error"))
            .Respond(HttpStatusCode.OK, """{"id":"pay_1"}""");
        using var request = ProviderPipeline.Request(HttpMethod.Post);
        request.Headers.Add("Idempotency-Key", "order-42");

        using var response = await harness.Client.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"id":"pay_1"}""");
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Post_CardDeclinedWithIdempotencyKey_StillNotRetried()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Always(ProviderPipeline.Reply(HttpStatusCode.PaymentRequired, Encoding.UTF8.GetBytes(StripeLike("card_error", "card_declined"))));
        using var request = ProviderPipeline.Request(HttpMethod.Post);
        request.Headers.Add("Idempotency-Key", "order-42");

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => harness.Client.SendAsync(request));

        exception.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_RateLimitedWithRetryAfter_RateLimitedAtOnceWithTheWait()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(
            HttpStatusCode.TooManyRequests,
            StripeLike("rate_limit_error", "rate_limit"),
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(90)));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
        exception.ProviderCode.ShouldBe("rate_limit");
        exception.Attempts.ShouldBe(1);
    }

    private static string Typed(int code, string type) =>
        $$"""{"code":{{code}},"message":"PlexyPay says no.","source":"payments","type":"{{type}}"}""";

    private static string TypedString(string code, string type) =>
        $$"""{"code":"{{code}}","message":"PlexyPay says no.","source":"payments","type":"{{type}}"}""";

    private static string StripeLike(string type, string code) =>
        $$$"""{"error":{"type":"{{{type}}}","code":"{{{code}}}","message":"PlexyPay says no.","request_id":"req_1"}}""";

    private static byte[] Body(string kind) => kind switch
    {
        "invalid utf-8 in the code" => MalformedBodies.WithInvalidUtf8("""{"code":"4¤","message":"x","type":"apiError"}"""),
        "invalid utf-8 in the message" => MalformedBodies.WithInvalidUtf8("""{"code":4,"message":"Not ¤ Found","type":"apiError"}"""),
        // the first digit of legacy 3004 (OutcomeUnknown on a 500) is Pay API code 3 (InvalidRequest)
        "truncated in the code" => Encoding.UTF8.GetBytes("""{"code":3"""),
        "truncated in the message" => Encoding.UTF8.GetBytes("""{"code":4,"message":"Not Fo"""),
        "truncated in the stripe-like code" => Encoding.UTF8.GetBytes("""{"error":{"type":"card_error","code":"card_decl"""),
        "truncated in the stripe-like message" => Encoding.UTF8.GetBytes("""{"error":{"type":"card_error","code":"card_declined","message":"Your card was decl"""),
        "code is an object" => Encoding.UTF8.GetBytes("""{"code":{},"message":"x","type":"apiError"}"""),
        "code is an array" => Encoding.UTF8.GetBytes("""{"code":[4],"message":"x","type":"apiError"}"""),
        "code is null" => Encoding.UTF8.GetBytes("""{"code":null,"message":"x","type":"apiError"}"""),
        "type is an object" => Encoding.UTF8.GetBytes("""{"code":77,"message":"x","type":{"name":"validationError"}}"""),
        "error is text" => Encoding.UTF8.GetBytes("""{"error":"card_declined","message":"x"}"""),
        "error is an array" => Encoding.UTF8.GetBytes("""{"error":[{"type":"card_error","code":"card_declined"}]}"""),
        "param is an object" => Encoding.UTF8.GetBytes("""{"error":{"type":"invalid_request_error","code":"parameter_invalid","param":{"name":"amount"}}}"""),
        "duplicate code" => Encoding.UTF8.GetBytes("""{"code":3,"message":"x","code":4,"type":"apiError"}"""),
        "lone surrogate in the decline code" => Encoding.UTF8.GetBytes("""{"error":{"type":"card_error","code":"card_declined","decline_code":"\uD800x"}}"""),
        "escaped property names" => Encoding.UTF8.GetBytes("""{"\u0063ode":4,"\u0074ype":"apiError"}"""),
        "duplicate error" => Encoding.UTF8.GetBytes("""{"error":{"type":"api_error","code":"x"},"error":{"type":"card_error","code":"card_declined"}}"""),
        _ => MalformedBodies.For(kind, NotFound),
    };
}
