using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PaymentHttp.Tests.TestUtilities;
using Category = PaymentHttp.PaymentErrorCategory;
using Retry = PaymentHttp.PaymentRetrySafety;

namespace PaymentHttp.Tests.Providers.Plutu;

/// <summary>
/// Plutu (docs/providers.md §1) through the real pipeline: <c>{"error":{"status":..,"code":"..","message":"..","fields":{..}}}</c>,
/// classified by HTTP status with a small table of code strings (<see cref="PlutuClassifier.Codes"/>, inferred) that
/// decide over it.
/// </summary>
public sealed class PlutuClassifierTests
{
    private const PaymentProvider Provider = PaymentProvider.Plutu;

    /// <summary>A body whose code decides (a refusal, Declined) where HTTP 400 alone would say InvalidRequest.</summary>
    private static readonly string Refusal = Error(400, "INSUFFICIENT_BALANCE");

    /// <summary>Every code string of the table, sent with HTTP 400 so that the code, not the status, decides.</summary>
    public static TheoryData<int, string, Category, Retry, string?> Codes => new()
    {
        // status, body, category, retry, ProviderCode
        { 400, Error(400, "INSUFFICIENT_BALANCE"), Category.Declined, Retry.Never, "INSUFFICIENT_BALANCE" },
        { 400, Error(400, "INSUFFICIENT_FUNDS"), Category.Declined, Retry.Never, "INSUFFICIENT_FUNDS" },
        { 400, Error(400, "LOW_BALANCE"), Category.Declined, Retry.Never, "LOW_BALANCE" },
        { 400, Error(400, "SADAD_BALANCE_NOT_ENOUGH"), Category.Declined, Retry.Never, "SADAD_BALANCE_NOT_ENOUGH" },
        { 400, Error(400, "EDFALI_BALANCE_NOT_ENOUGH"), Category.Declined, Retry.Never, "EDFALI_BALANCE_NOT_ENOUGH" },
        { 400, Error(400, "INVALID_OTP"), Category.Declined, Retry.Never, "INVALID_OTP" },
        { 400, Error(400, "WRONG_OTP"), Category.Declined, Retry.Never, "WRONG_OTP" },
        { 400, Error(400, "OTP_EXPIRED"), Category.Declined, Retry.Never, "OTP_EXPIRED" },
        { 400, Error(400, "OTP_INVALID"), Category.Declined, Retry.Never, "OTP_INVALID" },
        { 400, Error(400, "TRANSACTION_REJECTED"), Category.Declined, Retry.Never, "TRANSACTION_REJECTED" },
        { 400, Error(400, "TRANSACTION_DECLINED"), Category.Declined, Retry.Never, "TRANSACTION_DECLINED" },
        { 400, Error(400, "ACCOUNT_BLOCKED"), Category.Declined, Retry.Never, "ACCOUNT_BLOCKED" },
        { 400, Error(400, "ACCOUNT_SUSPENDED"), Category.Declined, Retry.Never, "ACCOUNT_SUSPENDED" },
        { 400, Error(400, "DUPLICATE_INVOICE"), Category.Conflict, Retry.Never, "DUPLICATE_INVOICE" },
        { 400, Error(400, "DUPLICATE_INVOICE_NO"), Category.Conflict, Retry.Never, "DUPLICATE_INVOICE_NO" },
        { 400, Error(400, "INVOICE_ALREADY_EXISTS"), Category.Conflict, Retry.Never, "INVOICE_ALREADY_EXISTS" },
        { 400, Error(400, "DUPLICATE_TRANSACTION"), Category.Conflict, Retry.Never, "DUPLICATE_TRANSACTION" },
        { 400, Error(400, "INVALID_API_KEY"), Category.Authentication, Retry.Never, "INVALID_API_KEY" },
        { 400, Error(400, "INVALID_ACCESS_TOKEN"), Category.Authentication, Retry.Never, "INVALID_ACCESS_TOKEN" },
        { 400, Error(400, "ACCESS_TOKEN_EXPIRED"), Category.Authentication, Retry.Never, "ACCESS_TOKEN_EXPIRED" },
        { 400, Error(400, "UNAUTHENTICATED"), Category.Authentication, Retry.Never, "UNAUTHENTICATED" },
        { 400, Error(400, "PERMISSION_DENIED"), Category.Authorization, Retry.Never, "PERMISSION_DENIED" },
        { 400, Error(400, "FORBIDDEN"), Category.Authorization, Retry.Never, "FORBIDDEN" },
        { 400, Error(400, "GATEWAY_NOT_ACTIVE"), Category.Configuration, Retry.Never, "GATEWAY_NOT_ACTIVE" },
        { 400, Error(400, "GATEWAY_DISABLED"), Category.Configuration, Retry.Never, "GATEWAY_DISABLED" },
        { 400, Error(400, "SERVICE_NOT_ACTIVATED"), Category.Configuration, Retry.Never, "SERVICE_NOT_ACTIVATED" },
        { 404, Error(404, "INVALID_GATEWAY"), Category.InvalidRequest, Retry.Never, "INVALID_GATEWAY" },
        // a code wins over a 4xx status: a duplicate invoice is never a decline, a failed OTP is a refusal
        { 402, Error(402, "DUPLICATE_INVOICE"), Category.Conflict, Retry.Never, "DUPLICATE_INVOICE" },
        { 422, Error(422, "INVALID_OTP"), Category.Declined, Retry.Never, "INVALID_OTP" },
        // codes compare case-insensitively
        { 400, Error(400, "insufficient_balance"), Category.Declined, Retry.Never, "insufficient_balance" },
        { 400, Error(400, "Duplicate_Invoice"), Category.Conflict, Retry.Never, "Duplicate_Invoice" },
    };

    /// <summary>
    /// The status rows of docs/providers.md §1 and of the shared fallback table, each with an envelope whose code the table
    /// does not know (kept as ProviderCode) or with no code at all.
    /// </summary>
    public static TheoryData<int, string, Category, Retry, string?> Statuses => new()
    {
        { 400, Error(400, "SOMETHING_NEW"), Category.InvalidRequest, Retry.Never, "SOMETHING_NEW" },
        { 400, """{"error":{"status":400,"message":"Bad request"}}""", Category.InvalidRequest, Retry.Never, null },
        { 401, Error(401, "TOKEN_MISMATCH"), Category.Authentication, Retry.Never, "TOKEN_MISMATCH" },
        { 402, Error(402, "PAYMENT_REQUIRED"), Category.Declined, Retry.Never, "PAYMENT_REQUIRED" },
        { 403, Error(403, "KEY_NOT_ALLOWED"), Category.Authorization, Retry.Never, "KEY_NOT_ALLOWED" },
        { 404, Error(404, "ROUTE_NOT_FOUND"), Category.NotFound, Retry.Never, "ROUTE_NOT_FOUND" },
        { 408, Error(408, "REQUEST_TIMEOUT"), Category.Transient, Retry.SafeOnly, "REQUEST_TIMEOUT" },
        { 409, Error(409, "CONFLICT"), Category.Conflict, Retry.Never, "CONFLICT" },
        { 415, Error(415, "UNSUPPORTED_MEDIA_TYPE"), Category.InvalidRequest, Retry.Never, "UNSUPPORTED_MEDIA_TYPE" },
        { 422, Error(422, "VALIDATION_ERROR"), Category.InvalidRequest, Retry.Never, "VALIDATION_ERROR" },
        { 429, Error(429, "TOO_MANY_REQUESTS"), Category.RateLimited, Retry.Always, "TOO_MANY_REQUESTS" },
        { 500, Error(500, "SERVER_ERROR"), Category.OutcomeUnknown, Retry.SafeOnly, "SERVER_ERROR" },
        { 502, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 503, Error(503, "SERVICE_UNAVAILABLE"), Category.Transient, Retry.SafeOnly, "SERVICE_UNAVAILABLE" },
        { 504, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 599, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
    };

    public static TheoryData<string, int, Category, string?> Malformed => new()
    {
        // kind, status, category, ProviderCode
        { "empty", 400, Category.InvalidRequest, null },
        { "empty", 500, Category.OutcomeUnknown, null },
        { "whitespace", 400, Category.InvalidRequest, null },
        { "html page", 502, Category.OutcomeUnknown, null },
        { "plain text", 403, Category.Authorization, null },
        { "json null", 400, Category.InvalidRequest, null },
        { "json string", 404, Category.NotFound, null },
        { "binary", 400, Category.InvalidRequest, null },
        { "top-level array", 400, Category.InvalidRequest, null },
        { "nested objects", 400, Category.InvalidRequest, null },
        { "nested arrays", 500, Category.OutcomeUnknown, null },
        { "nested before the code", 400, Category.InvalidRequest, null },
        { "nested after the code", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "bom", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "bom and whitespace", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "over the limit, code first", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "over the limit, code last", 400, Category.InvalidRequest, null },
        { "invalid utf-8 after the code", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "invalid utf-8 in the code", 400, Category.InvalidRequest, null },
        { "invalid utf-8 in the message", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "truncated in the code", 400, Category.InvalidRequest, null },
        { "truncated in the message", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "code is an object", 400, Category.InvalidRequest, null },
        { "code is an array", 400, Category.InvalidRequest, null },
        { "code is null", 402, Category.Declined, null },
        { "code is a number", 400, Category.InvalidRequest, "1035" },
        { "error is text", 400, Category.InvalidRequest, null },
        { "error is an array", 500, Category.OutcomeUnknown, null },
        { "fields is a number", 422, Category.Declined, "INVALID_OTP" },
        { "fields is an array", 422, Category.InvalidRequest, "VALIDATION_ERROR" },
        { "duplicate code", 400, Category.Conflict, "DUPLICATE_INVOICE" },
        { "duplicate error", 400, Category.Declined, "INSUFFICIENT_BALANCE" },
        { "lone surrogate in the code", 400, Category.InvalidRequest, null },
        { "lone surrogate in a field name", 422, Category.Declined, "INVALID_OTP" },
    };

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

    [Fact]
    public async Task Post_400WithRefusalCode_DeclinedWithTheProviderMessage()
    {
        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.BadRequest, Error(400, "INVALID_OTP", "The OTP is not correct."), Category.Declined, "INVALID_OTP");

        exception.Error.Message.ShouldBe("The OTP is not correct.");
        exception.Error.FieldErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_400WithUnknownCode_InvalidRequestKeepingTheCode()
    {
        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.BadRequest, Error(400, "MOBILE_NUMBER_FORMAT"), Category.InvalidRequest, "MOBILE_NUMBER_FORMAT");

        exception.Error.Message.ShouldBe("Plutu says no.");
        exception.Error.RetrySafety.ShouldBe(Retry.Never);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(402)]
    [InlineData(409)]
    [InlineData(500)]
    public async Task Post_DuplicateInvoice_ConflictNeverDeclined(int status)
    {
        // After a lost response a duplicate invoice_no means "possibly already paid": reconcile, do not report a decline.
        await ProviderPipeline.AssertPostAsync(
            Provider, (HttpStatusCode)status, Error(status, "DUPLICATE_INVOICE_NO"), Category.Conflict, "DUPLICATE_INVOICE_NO");
    }

    [Fact]
    public async Task Post_422WithFields_CarriesEveryFieldMessage()
    {
        const string body = """
            {"error":{"status":422,"code":"VALIDATION_ERROR","message":"The given data was invalid.",
              "fields":{"mobile_number":["The mobile number must be 10 digits.","The mobile number must start with 09."],
                        "amount":["The amount field is required."],
                        "invoice_no":"The invoice no has already been taken."}}}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.UnprocessableEntity, body, Category.InvalidRequest, "VALIDATION_ERROR");

        exception.Error.Message.ShouldBe("The given data was invalid.");
        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe(
        [
            ("mobile_number", "The mobile number must be 10 digits."),
            ("mobile_number", "The mobile number must start with 09."),
            ("amount", "The amount field is required."),
            ("invoice_no", "The invoice no has already been taken."),
        ]);
    }

    [Fact]
    public async Task Post_FieldsWithOtherTypes_OnlyStringMessagesKept()
    {
        const string body = """
            {"error":{"status":422,"code":"VALIDATION_ERROR","fields":{"a":5,"b":{"x":"y"},"c":[1,"kept",null],"d":null}}}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.UnprocessableEntity, body, Category.InvalidRequest, "VALIDATION_ERROR");

        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe([("c", "kept")]);
    }

    [Fact]
    public async Task Post_TopLevelMessageOnly_UsedAsTheErrorMessage()
    {
        var exception = await ProviderPipeline.AssertPostAsync(
            Provider, HttpStatusCode.Forbidden, """{"message":"Your key cannot use edfali.","error":{"code":"X_1"}}""", Category.Authorization, "X_1");

        exception.Error.Message.ShouldBe("Your key cannot use edfali.");
    }

    [Fact]
    public async Task Post_429WithRetryAfterLongerThanMaxDelay_RateLimitedAtOnceWithTheWait()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(
            HttpStatusCode.TooManyRequests,
            Error(429, "TOO_MANY_REQUESTS"),
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        exception.ProviderCode.ShouldBe("TOO_MANY_REQUESTS");
        exception.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_RefusalWithRetryAfterDate_DeclinedCarryingTheWait()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        var until = harness.Time.GetUtcNow().AddMinutes(5);
        harness.Primary.Respond(HttpStatusCode.BadRequest, Refusal, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(until));

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => harness.PostAsync());

        exception.Error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(5));
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_503ThenSuccess_NotRetriedBecauseConfirmMayHaveMovedMoney()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.ServiceUnavailable, Error(503, "SERVICE_UNAVAILABLE")).Respond(HttpStatusCode.OK, "{}");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync("transaction/edfali/confirm"));

        exception.Attempts.ShouldBe(1);
    }

    private static string Error(int status, string code, string message = "Plutu says no.") =>
        $$$"""{"error":{"status":{{{status}}},"code":"{{{code}}}","message":"{{{message}}}"}}""";

    private static byte[] Body(string kind) => kind switch
    {
        "invalid utf-8 in the code" => MalformedBodies.WithInvalidUtf8("""{"error":{"status":400,"code":"INSUFFICIENT_¤BALANCE","message":"x"}}"""),
        "invalid utf-8 in the message" => MalformedBodies.WithInvalidUtf8("""{"error":{"status":400,"code":"INSUFFICIENT_BALANCE","message":"Balance ¤ low"}}"""),
        "truncated in the code" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":"INSUFFICIENT_BAL"""),
        "truncated in the message" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":"INSUFFICIENT_BALANCE","message":"Your wallet bal"""),
        "code is an object" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":{},"message":"x"}}"""),
        "code is an array" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":[1],"message":"x"}}"""),
        "code is null" => Encoding.UTF8.GetBytes("""{"error":{"status":402,"code":null,"message":"x"}}"""),
        "code is a number" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":1035,"message":"x"}}"""),
        "error is text" => Encoding.UTF8.GetBytes("""{"error":"INSUFFICIENT_BALANCE","message":"x"}"""),
        "error is an array" => Encoding.UTF8.GetBytes("""{"error":[{"code":"INSUFFICIENT_BALANCE"}]}"""),
        "fields is a number" => Encoding.UTF8.GetBytes("""{"error":{"status":422,"code":"INVALID_OTP","fields":5}}"""),
        "fields is an array" => Encoding.UTF8.GetBytes("""{"error":{"status":422,"code":"VALIDATION_ERROR","fields":["amount"]}}"""),
        "duplicate code" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":"INSUFFICIENT_BALANCE","code":"DUPLICATE_INVOICE"}}"""),
        "lone surrogate in the code" => Encoding.UTF8.GetBytes("""{"error":{"status":400,"code":"INSUFFICIENT_BALANCE\uD800"}}"""),
        "lone surrogate in a field name" => Encoding.UTF8.GetBytes("""{"error":{"status":422,"code":"INVALID_OTP","fields":{"otp\uDC00":["wrong"]}}}"""),
        "duplicate error" => Encoding.UTF8.GetBytes("""{"error":{"code":"SOMETHING_NEW"},"error":{"code":"INSUFFICIENT_BALANCE"}}"""),
        _ => MalformedBodies.For(kind, Refusal),
    };
}
