using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PaymentHttp.Tests.TestUtilities;
using Category = PaymentHttp.PaymentErrorCategory;
using Retry = PaymentHttp.PaymentRetrySafety;

namespace PaymentHttp.Tests.Providers.Paysafe;

/// <summary>
/// Paysafe (docs/providers.md §3) through the real pipeline: <c>{"error":{"code":"..",..},..}</c>, the code also in the
/// <c>x-application-error-code</c> / <c>X-Application-Status-Code</c> header (read first), HTTP 402 carrying the
/// whole payment object, and failures inside HTTP 200.
/// </summary>
public sealed class PaysafeClassifierTests
{
    private const PaymentProvider Provider = PaymentProvider.Paysafe;

    /// <summary>A body whose code decides (5270, Authorization) where HTTP 400 alone would say InvalidRequest.</summary>
    private static readonly string NoPermission = Error("5270");

    /// <summary>The decline of the seed: HTTP 402 with the whole payment object and an embedded error.</summary>
    private const string SeedDecline = """
        {"merchantRefNum":"jon-test 10","amount":100,"currencyCode":"EUR",
         "profile":{"firstName":"jon","lastName":"ng","email":"jon.ng@sf.test","ip":"100.0.0.1"},
         "paysafecard":{"consumerId":"consumer123","countryRestriction":"DE"},
         "shopperUrl":"http://www.amazon.com","descriptor":"Jon test","liveMode":false,"txnTime":"2016-03-30T08:34:27Z",
         "status":"DECLINED",
         "gatewayResponse":{"code":"800.100.150","description":"Waiting for confirmation of non-instant payment. Denied for now.","paymentType":"DB"},
         "redirect":{"url":"https://paysafe.test/redirect","method":"GET","postParameters":[]},
         "links":{"rel":"self","href":"https://paysafe.test/v1/accounts/987001111/auths/61d88be2"},
         "id":"61d88be2-bd0e-48d6-8435-302cc164d8a8",
         "error":{"code":"ALTERNATE-PAYMENTS-INT-4","message":"Transaction declined by the Gateway Error","details":["Transaction was declined by the gateway."]}}
        """;

    /// <summary>Every code row of docs/providers.md §3, with the HTTP status it is documented with; ranges at both ends and inside.</summary>
    public static TheoryData<int, string, Category, Retry, string?> Codes => new()
    {
        // status, body, category, retry, ProviderCode
        { 500, Error("1000"), Category.OutcomeUnknown, Retry.SafeOnly, "1000" },
        { 500, Error("1004"), Category.OutcomeUnknown, Retry.SafeOnly, "1004" },
        { 500, Error("1008"), Category.OutcomeUnknown, Retry.SafeOnly, "1008" },
        { 429, Error("1200"), Category.RateLimited, Retry.Always, "1200" },
        { 401, Error("5000"), Category.Authentication, Retry.Never, "5000" },
        { 401, Error("5279"), Category.Authentication, Retry.Never, "5279" },
        { 400, Error("5017"), Category.Configuration, Retry.Never, "5017" },
        { 400, Error("5040"), Category.Configuration, Retry.Never, "5040" },
        { 400, Error("5042"), Category.Configuration, Retry.Never, "5042" },
        { 403, Error("5270"), Category.Authorization, Retry.Never, "5270" },
        { 400, Error("5023"), Category.InvalidRequest, Retry.Never, "5023" },
        { 400, Error("5068"), Category.InvalidRequest, Retry.Never, "5068" },
        { 400, Error("5109"), Category.InvalidRequest, Retry.Never, "5109" },
        { 400, Error("5110"), Category.InvalidRequest, Retry.Never, "5110" },
        { 404, Error("5269"), Category.NotFound, Retry.Never, "5269" },
        { 409, Error("5031"), Category.Conflict, Retry.Never, "5031" },
        { 409, Error("5284"), Category.Conflict, Retry.Never, "5284" },
        { 409, Error("7505"), Category.Conflict, Retry.Never, "7505" },
        { 409, Error("7521"), Category.Conflict, Retry.Never, "7521" },
        { 409, Error("8500"), Category.Conflict, Retry.Never, "8500" },
        { 402, Error("5100"), Category.Declined, Retry.Never, "5100" },
        { 402, Error("5104"), Category.Declined, Retry.Never, "5104" },
        { 402, Error("5108"), Category.Declined, Retry.Never, "5108" },
        { 402, Error("5111"), Category.Declined, Retry.Never, "5111" },
        { 402, Error("5112"), Category.Declined, Retry.Never, "5112" },
        { 402, Error("5113"), Category.Declined, Retry.Never, "5113" },
        { 402, Error("3001"), Category.Declined, Retry.Never, "3001" },
        { 402, Error("3009"), Category.Declined, Retry.Never, "3009" },
        { 402, Error("3015"), Category.Declined, Retry.Never, "3015" },
        { 402, Error("3022"), Category.Declined, Retry.Never, "3022" },
        { 402, Error("3027"), Category.Declined, Retry.Never, "3027" },
        { 402, Error("3028"), Category.OutcomeUnknown, Retry.SafeOnly, "3028" },
        { 500, Error("3028"), Category.OutcomeUnknown, Retry.SafeOnly, "3028" },
        { 402, Error("3029"), Category.Declined, Retry.Never, "3029" },
        { 402, Error("3406"), Category.Declined, Retry.Never, "3406" },
        { 402, Error("3999"), Category.Declined, Retry.Never, "3999" },
        { 402, Error("ALTERNATE-PAYMENTS-INT-4"), Category.Declined, Retry.Never, "ALTERNATE-PAYMENTS-INT-4" },
        { 402, Error("ALTERNATE-PAYMENTS-GATEWAY-4"), Category.Declined, Retry.Never, "ALTERNATE-PAYMENTS-GATEWAY-4" },
        { 400, Error("PLAN-SUBSCRIPTION-NOT-MODIFIABLE"), Category.Conflict, Retry.Never, "PLAN-SUBSCRIPTION-NOT-MODIFIABLE" },
        { 400, Error("PLAN-SUBSCRIPTION-1"), Category.Conflict, Retry.Never, "PLAN-SUBSCRIPTION-1" },
        // the code decides, not the status
        { 400, Error("5270"), Category.Authorization, Retry.Never, "5270" },
        { 400, Error("5269"), Category.NotFound, Retry.Never, "5269" },
        { 400, Error("5031"), Category.Conflict, Retry.Never, "5031" },
        { 400, Error("1200"), Category.RateLimited, Retry.Always, "1200" },
        { 400, Error("1000"), Category.OutcomeUnknown, Retry.SafeOnly, "1000" },
        // codes compare case-insensitively; a code sent as a JSON number is kept as a string
        { 402, Error("alternate-payments-int-4"), Category.Declined, Retry.Never, "alternate-payments-int-4" },
        { 400, Error("plan-subscription-2"), Category.Conflict, Retry.Never, "plan-subscription-2" },
        { 400, """{"error":{"code":5270,"message":"No permission"}}""", Category.Authorization, Retry.Never, "5270" },
    };

    /// <summary>The code in a response header, under both names and in different cases; the header wins over the body.</summary>
    public static TheoryData<string, string, int, string, Category, Retry, string?> Headers => new()
    {
        // header, value, status, body, category, retry, ProviderCode
        { "x-application-error-code", "5270", 400, "", Category.Authorization, Retry.Never, "5270" },
        { "X-APPLICATION-ERROR-CODE", "3009", 402, "", Category.Declined, Retry.Never, "3009" },
        { "X-Application-Error-Code", "ALTERNATE-PAYMENTS-GATEWAY-4", 402, "{}", Category.Declined, Retry.Never, "ALTERNATE-PAYMENTS-GATEWAY-4" },
        { "x-application-error-code", "1200", 400, "", Category.RateLimited, Retry.Always, "1200" },
        { "X-Application-Status-Code", "5031", 400, "", Category.Conflict, Retry.Never, "5031" },
        { "x-application-status-code", "1004", 400, "", Category.OutcomeUnknown, Retry.SafeOnly, "1004" },
        { "X-APPLICATION-STATUS-CODE", "5269", 400, "<html>Not here</html>", Category.NotFound, Retry.Never, "5269" },
        { "x-application-error-code", "5270", 400, Error("5068"), Category.Authorization, Retry.Never, "5270" },
        { "X-Application-Status-Code", "5031", 429, Error("1200"), Category.Conflict, Retry.Never, "5031" },
        { "X-Application-Error-Code", "3009", 402, Error("3028"), Category.Declined, Retry.Never, "3009" },
        { "x-application-error-code", " 5031 ", 400, "", Category.Conflict, Retry.Never, "5031" },
        { "x-application-error-code", "", 400, Error("5031"), Category.Conflict, Retry.Never, "5031" },
    };

    /// <summary>The shared fallback table, with codes Paysafe does not document (kept as ProviderCode) or no body.</summary>
    public static TheoryData<int, string, Category, Retry, string?> Statuses => new()
    {
        { 400, Error("99999"), Category.InvalidRequest, Retry.Never, "99999" },
        { 400, Error("1009"), Category.InvalidRequest, Retry.Never, "1009" },
        { 400, Error("3000"), Category.InvalidRequest, Retry.Never, "3000" },
        { 400, Error("5114"), Category.InvalidRequest, Retry.Never, "5114" },
        { 400, Error("ALTERNATE-PAYMENTS-INT-5"), Category.InvalidRequest, Retry.Never, "ALTERNATE-PAYMENTS-INT-5" },
        { 400, Error("PLAN-SUBSCRIPTION"), Category.InvalidRequest, Retry.Never, "PLAN-SUBSCRIPTION" },
        { 401, Error("99999"), Category.Authentication, Retry.Never, "99999" },
        { 402, Error("99999"), Category.Declined, Retry.Never, "99999" },
        { 402, "", Category.Declined, Retry.Never, null },
        { 403, Error("99999"), Category.Authorization, Retry.Never, "99999" },
        { 404, Error("99999"), Category.NotFound, Retry.Never, "99999" },
        { 408, "", Category.Transient, Retry.SafeOnly, null },
        { 409, Error("99999"), Category.Conflict, Retry.Never, "99999" },
        { 415, Error("99999"), Category.InvalidRequest, Retry.Never, "99999" },
        { 422, Error("99999"), Category.InvalidRequest, Retry.Never, "99999" },
        { 429, "", Category.RateLimited, Retry.Always, null },
        { 500, Error("99999"), Category.OutcomeUnknown, Retry.SafeOnly, "99999" },
        { 502, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 503, Error("99999"), Category.Transient, Retry.SafeOnly, "99999" },
        { 504, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 599, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
    };

    /// <summary>A payment object inside HTTP 200/201 whose status says it failed: a decline, or what its code says.</summary>
    public static TheoryData<int, string, Category, Retry, string?> FailuresInside2xx => new()
    {
        { 200, """{"id":"p1","merchantRefNum":"order-1","status":"FAILED"}""", Category.Declined, Retry.Never, null },
        { 200, """{"id":"p1","merchantRefNum":"order-1","status":"DECLINED"}""", Category.Declined, Retry.Never, null },
        { 201, """{"id":"p1","status":"failed"}""", Category.Declined, Retry.Never, null },
        { 200, """{"id":"p1","status":"FAILED","error":{"code":"ALTERNATE-PAYMENTS-GATEWAY-4","message":"PayPal refused"}}""", Category.Declined, Retry.Never, "ALTERNATE-PAYMENTS-GATEWAY-4" },
        { 200, """{"id":"p1","status":"FAILED","error":{"code":"99999"}}""", Category.Declined, Retry.Never, "99999" },
        { 200, """{"error":{"code":"3028"},"status":"FAILED"}""", Category.OutcomeUnknown, Retry.SafeOnly, "3028" },
        { 200, """{"status":"DECLINED","error":{"code":"5068","fieldErrors":[{"field":"amount","error":"too small"}]}}""", Category.InvalidRequest, Retry.Never, "5068" },
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
        { "nested after the code", 400, Category.Authorization, "5270" },
        { "bom", 400, Category.Authorization, "5270" },
        { "bom and whitespace", 400, Category.Authorization, "5270" },
        { "over the limit, code first", 400, Category.Authorization, "5270" },
        { "over the limit, code last", 400, Category.InvalidRequest, null },
        { "invalid utf-8 after the code", 400, Category.Authorization, "5270" },
        { "invalid utf-8 in the code", 400, Category.InvalidRequest, null },
        { "invalid utf-8 in the message", 400, Category.Authorization, "5270" },
        { "truncated in the code", 400, Category.InvalidRequest, null },
        { "truncated in the message", 400, Category.Authorization, "5270" },
        { "code is an object", 400, Category.InvalidRequest, null },
        { "code is an array", 400, Category.InvalidRequest, null },
        { "code is null", 409, Category.Conflict, null },
        { "error is text", 400, Category.InvalidRequest, null },
        { "error is an array", 500, Category.OutcomeUnknown, null },
        { "fieldErrors is an object", 403, Category.InvalidRequest, "5068" },
        { "fieldErrors is a string", 403, Category.InvalidRequest, "5068" },
        { "details is an object", 400, Category.Authorization, "5270" },
        { "duplicate code", 400, Category.Authorization, "5270" },
        { "lone surrogate in the code", 400, Category.InvalidRequest, null },
        { "lone surrogate in the message", 400, Category.Authorization, "5270" },
        { "invalid escape in the message", 400, Category.Authorization, "5270" },
        { "escaped property names", 400, Category.Authorization, "5270" },
    };

    /// <summary>2xx bodies that do not say "failed": the caller gets the response as it came. A null status is no status.</summary>
    public static TheoryData<string> Malformed2xx => new()
    {
        "empty", "whitespace", "html page", "plain text", "json null", "json string", "binary", "top-level array",
        "nested arrays", "over the limit, status first", "status is null", "error without status", "bom and completed",
    };

    /// <summary>
    /// 2xx bodies that start as a payment object but break off before the status, whose status cannot be decoded,
    /// or whose status is there but not a string (a number, boolean, object or array): the 200 alone does not say
    /// whether the payment went through, so the outcome is unknown.
    /// </summary>
    public static TheoryData<string> Unreadable2xx => new()
    {
        "nested objects", "nested before the status", "truncated in the status", "invalid utf-8 in the status",
        "status is an object", "status is an array", "status is a number", "status is true",
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public Task Send_DocumentedCode_ClassifiedAndRetriedAsDocumented(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertCodeRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Headers))]
    public Task Send_CodeInResponseHeader_ReadFirst(
        string header, string value, int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertCodeRowAsync(Provider, status, body, category, retry, code, header, value);

    [Theory]
    [MemberData(nameof(Statuses))]
    public Task Send_NoKnownCode_FallsBackToTheHttpStatus(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(FailuresInside2xx))]
    public Task Send_FailedPaymentInside2xx_ThrowsLikeAFailure(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Malformed))]
    public Task Post_MalformedBody_TypedExceptionByCodeReadOrByStatus(string kind, int status, Category category, string? code) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Post, (HttpStatusCode)status, Body(kind), category, code, attempts: 1);

    [Theory]
    [InlineData("html page", 400)]
    [InlineData("truncated in the code", 402)]
    [InlineData("nested objects", 500)]
    [InlineData("error is text", 400)]
    public Task Post_MalformedBodyWithCodeHeader_TheHeaderDecides(string kind, int status) =>
        ProviderPipeline.AssertSentAsync(
            Provider, HttpMethod.Post, (HttpStatusCode)status, Body(kind), Category.Conflict, "5031", attempts: 1, "x-application-error-code", "5031");

    [Theory]
    [MemberData(nameof(Malformed2xx))]
    public Task Post_Malformed2xxBody_PassedThroughAsSuccess(string kind) =>
        ProviderPipeline.AssertPassedThroughAsync(Provider, HttpStatusCode.OK, Body2xx(kind));

    [Theory]
    [MemberData(nameof(Unreadable2xx))]
    public Task Post_Unreadable2xxBody_OutcomeUnknown(string kind) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Post, HttpStatusCode.OK, Body2xx(kind), Category.OutcomeUnknown, code: null, attempts: 1);

    [Theory]
    [MemberData(nameof(Unreadable2xx))]
    public Task Get_Unreadable2xxBody_RetriedThenUnavailable(string kind) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Get, HttpStatusCode.OK, Body2xx(kind), Category.Transient, code: null, attempts: 4);

    [Theory]
    [InlineData(200, """{"id":"p1","merchantRefNum":"order-1","status":"COMPLETED","amount":100}""")]
    [InlineData(201, """{"id":"p1","status":"PENDING"}""")]
    [InlineData(200, """{"id":"p1","status":"PROCESSING","error":{"code":"3009"}}""")]
    [InlineData(200, """{"id":"p1","status":"COMPLETED","links":[{"rel":"self","href":"https://paysafe.test"}]}""")]
    public async Task Post_2xxNotFailed_SuccessWithTheBodyStillReadable(int status, string body)
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond((HttpStatusCode)status, body);

        using var response = await harness.PostAsync();

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldBe(body);
        (await response.Content.ReadAsStringAsync()).ShouldBe(body);
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_UnknownCodeInHeader_FallsBackToTheStatusKeepingTheCode()
    {
        await ProviderPipeline.AssertSentAsync(
            Provider, HttpMethod.Post, HttpStatusCode.Unauthorized, [], Category.Authentication, "99999", attempts: 1, "x-application-error-code", "99999");
    }

    [Fact]
    public async Task Post_2xxCompletedWithCodeHeader_StillSuccess()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.OK, """{"status":"COMPLETED"}""", r => r.Headers.TryAddWithoutValidation("x-application-error-code", "3009"));

        using var response = await harness.PostAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"COMPLETED"}""");
    }

    [Fact]
    public async Task Post_402WithThePaymentObject_DeclinedWithTheEmbeddedError()
    {
        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.PaymentRequired, SeedDecline, Category.Declined, "ALTERNATE-PAYMENTS-INT-4");

        exception.Error.Message.ShouldBe("Transaction declined by the Gateway Error");
        exception.Error.Details.ShouldBe(["Transaction was declined by the gateway."]);
        exception.Error.FieldErrors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"id":"p1","status":"FAILED","amount":100}""")]
    [InlineData("""{"id":"p1","status":"DECLINED","gatewayResponse":{"code":"800.100.150"}}""")]
    public async Task Post_402PaymentObjectWithoutError_Declined(string body)
    {
        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.PaymentRequired, body, Category.Declined, code: null);

        exception.Error.Message.ShouldBe("HTTP 402 (PaymentRequired)");
    }

    [Fact]
    public async Task Post_200Failed_DeclinedAndNotRetried()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.OK, """{"status":"FAILED","error":{"code":"ALTERNATE-PAYMENTS-INT-4","message":"PayPal declined"}}""")
            .Respond(HttpStatusCode.OK, """{"status":"COMPLETED"}""");

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => harness.PostAsync());

        exception.StatusCode.ShouldBe(HttpStatusCode.OK);
        exception.Error.Message.ShouldBe("PayPal declined");
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_200FailedBodyCutAfterTheStatus_StatusReadBeforeTheCutCounts()
    {
        await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.OK, """{"status":"FAILED","id":"p""", Category.Declined, code: null);
    }

    [Fact]
    public async Task Post_400WithFieldErrorsAndDetails_CarriesThem()
    {
        const string body = """
            {"error":{"code":"5068","message":"Either you submitted a request that is missing a mandatory field or the value of a field does not match the format expected.",
              "details":["Invalid amount","Invalid email"],
              "fieldErrors":[{"field":"amount","error":"must be greater than 0"},{"field":"profile.email","error":"not a well-formed email address"}],
              "links":[{"rel":"errorinfo","href":"https://developer.paysafe.com/en/rest-api/errors/5068"}]},
             "id":"p1","merchantRefNum":"order-1","riskReasonCode":[]}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.InvalidRequest, "5068");

        exception.Error.Details.ShouldBe(["Invalid amount", "Invalid email"]);
        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe(
        [
            ("amount", "must be greater than 0"),
            ("profile.email", "not a well-formed email address"),
        ]);
    }

    [Fact]
    public async Task Post_FieldErrorsWithOddItems_KeepsTheUsableOnes()
    {
        const string body = """
            {"error":{"code":"5068","fieldErrors":[1,"x",null,[{"field":"nested"}],{"error":"no field"},{"field":"amount"},{"field":"currency","error":"unknown","extra":{"a":[1]}}],
              "details":"a single detail"}}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.InvalidRequest, "5068");

        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe([("amount", "invalid"), ("currency", "unknown")]);
        exception.Error.Details.ShouldBe(["a single detail"]);
    }

    [Fact]
    public async Task Post_UnknownCode_ValidationErrorKeepingTheCode()
    {
        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, Error("99999"), Category.InvalidRequest, "99999");

        exception.ShouldBeOfType<ProviderValidationException>().ProviderCode.ShouldBe("99999");
    }

    [Fact]
    public async Task Post_RateLimitCodeWithRetryAfter_RateLimitedAtOnceWithTheWait()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.TooManyRequests, Error("1200"), r =>
        {
            r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(45));
            r.Headers.TryAddWithoutValidation("x-application-error-code", "1200");
        });

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(45));
        exception.ProviderCode.ShouldBe("1200");
        exception.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_RateLimitCodeWithZeroRetryAfter_RetriedAndTheWaitKept()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Always((_, _) =>
        {
            var response = ScriptedHandler.Json(HttpStatusCode.TooManyRequests, Error("1200"));
            response.Headers.TryAddWithoutValidation("Retry-After", "0");
            return Task.FromResult(response);
        });

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.Zero);
        exception.Attempts.ShouldBe(ProviderPipeline.RetriedAttempts);
    }

    private static string Error(string code) =>
        $$"""{"error":{"code":"{{code}}","message":"Paysafe says no.","details":["detail"]},"id":"p1","merchantRefNum":"order-1"}""";

    private static byte[] Body(string kind) => kind switch
    {
        "invalid utf-8 in the code" => MalformedBodies.WithInvalidUtf8("""{"error":{"code":"52¤70","message":"x"}}"""),
        "invalid utf-8 in the message" => MalformedBodies.WithInvalidUtf8("""{"error":{"code":"5270","message":"No ¤ permission"}}"""),
        "truncated in the code" => Encoding.UTF8.GetBytes("""{"error":{"code":"52"""),
        "truncated in the message" => Encoding.UTF8.GetBytes("""{"error":{"code":"5270","message":"The API credentials do not ha"""),
        "code is an object" => Encoding.UTF8.GetBytes("""{"error":{"code":{},"message":"x"}}"""),
        "code is an array" => Encoding.UTF8.GetBytes("""{"error":{"code":[1],"message":"x"}}"""),
        "code is null" => Encoding.UTF8.GetBytes("""{"error":{"code":null,"message":"x"}}"""),
        "error is text" => Encoding.UTF8.GetBytes("""{"error":"5270"}"""),
        "error is an array" => Encoding.UTF8.GetBytes("""{"error":[{"code":"5270"}]}"""),
        "fieldErrors is an object" => Encoding.UTF8.GetBytes("""{"error":{"code":"5068","fieldErrors":{}}}"""),
        "fieldErrors is a string" => Encoding.UTF8.GetBytes("""{"error":{"code":"5068","fieldErrors":"amount"}}"""),
        "details is an object" => Encoding.UTF8.GetBytes("""{"error":{"code":"5270","details":{"a":"b"}}}"""),
        "duplicate code" => Encoding.UTF8.GetBytes("""{"error":{"code":"5068","code":"5270"}}"""),
        "lone surrogate in the code" => Encoding.UTF8.GetBytes("""{"error":{"code":"5270\uDC00","message":"x"}}"""),
        "lone surrogate in the message" => Encoding.UTF8.GetBytes("""{"error":{"code":"5270","message":"\uD800 no low half"}}"""),
        "invalid escape in the message" => Encoding.UTF8.GetBytes("""{"error":{"code":"5270","message":"bad \uZZZZ escape"}}"""),
        "escaped property names" => Encoding.UTF8.GetBytes("""{"\u0065rror":{"\u0063ode":"5270"}}"""),
        _ => MalformedBodies.For(kind, NoPermission),
    };

    private static byte[] Body2xx(string kind) => kind switch
    {
        "nested before the status" => Encoding.UTF8.GetBytes("{\"deep\":" + new string('[', MalformedBodies.NestingLevels) + new string(']', MalformedBodies.NestingLevels) + ",\"status\":\"FAILED\"}"),
        "over the limit, status first" => Encoding.UTF8.GetBytes("{\"status\":\"FAILED\",\"padding\":\"" + new string('x', MalformedBodies.OverLimitBytes) + "\"}"),
        "truncated in the status" => Encoding.UTF8.GetBytes("""{"id":"p1","status":"FAI"""),
        "status is an object" => Encoding.UTF8.GetBytes("""{"status":{"value":"FAILED"}}"""),
        "status is an array" => Encoding.UTF8.GetBytes("""{"status":["FAILED"]}"""),
        "status is null" => Encoding.UTF8.GetBytes("""{"status":null,"error":{"code":"3009"}}"""),
        "status is a number" => Encoding.UTF8.GetBytes("""{"status":500}"""),
        "status is true" => Encoding.UTF8.GetBytes("""{"id":"p1","status":true}"""),
        "invalid utf-8 in the status" => MalformedBodies.WithInvalidUtf8("""{"status":"FAIL¤ED"}"""),
        "error without status" => Encoding.UTF8.GetBytes("""{"error":{"code":"3009","message":"left over"}}"""),
        "bom and completed" => MalformedBodies.For("bom", """{"status":"COMPLETED"}"""),
        _ => MalformedBodies.For(kind, """{"status":"FAILED"}"""),
    };
}
