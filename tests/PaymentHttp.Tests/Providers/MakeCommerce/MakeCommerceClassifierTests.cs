using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PaymentHttp.Tests.TestUtilities;
using Category = PaymentHttp.PaymentErrorCategory;
using Retry = PaymentHttp.PaymentRetrySafety;

namespace PaymentHttp.Tests.Providers.MakeCommerce;

/// <summary>
/// MakeCommerce (docs/providers.md §4) through the real pipeline: business errors as HTTP 400
/// <c>{"code":1035,"message":"..","errors":[{"resource","field","type"}]}</c>, a second shape whose <c>code</c> repeats
/// the HTTP status (<c>errors[].parameter</c>), and 5xx responses with no body.
/// </summary>
public sealed class MakeCommerceClassifierTests
{
    private const PaymentProvider Provider = PaymentProvider.MakeCommerce;

    /// <summary>A body whose code decides (1035, Declined) where HTTP 400 alone would say InvalidRequest.</summary>
    private static readonly string Declined = Business(1035);

    /// <summary>Every code row of docs/providers.md §4, sent with HTTP 400 as MakeCommerce sends all business errors; 105x at both ends and inside.</summary>
    public static TheoryData<int, string, Category, Retry, string?> Codes => new()
    {
        // status, body, category, retry, ProviderCode
        { 400, Business(1001), Category.InvalidRequest, Retry.Never, "1001" },
        { 400, Business(1002), Category.NotFound, Retry.Never, "1002" },
        { 400, Business(1011), Category.Configuration, Retry.Never, "1011" },
        { 400, Business(1012), Category.Configuration, Retry.Never, "1012" },
        { 400, Business(1013), Category.Configuration, Retry.Never, "1013" },
        { 400, Business(1021), Category.Conflict, Retry.Never, "1021" },
        { 400, Business(1031), Category.Conflict, Retry.Never, "1031" },
        { 400, Business(1032), Category.Conflict, Retry.Never, "1032" },
        { 400, Business(1033), Category.Declined, Retry.Never, "1033" },
        { 400, Business(1034), Category.Declined, Retry.Never, "1034" },
        { 400, Business(1035), Category.Declined, Retry.Never, "1035" },
        { 400, Business(1036), Category.Declined, Retry.Never, "1036" },
        { 400, Business(1041), Category.Conflict, Retry.Never, "1041" },
        { 400, Business(1042), Category.InvalidRequest, Retry.Never, "1042" },
        { 400, Business(1050), Category.InvalidRequest, Retry.Never, "1050" },
        { 400, Business(1054), Category.InvalidRequest, Retry.Never, "1054" },
        { 400, Business(1059), Category.InvalidRequest, Retry.Never, "1059" },
        { 400, Business(1061), Category.InvalidRequest, Retry.Never, "1061" },
        { 400, Business(1062), Category.Conflict, Retry.Never, "1062" },
        { 400, Business(1063), Category.InvalidRequest, Retry.Never, "1063" },
        { 400, Business(1064), Category.InvalidRequest, Retry.Never, "1064" },
        { 400, Business(1065), Category.Conflict, Retry.Never, "1065" },
        { 400, Business(2003), Category.OutcomeUnknown, Retry.SafeOnly, "2003" },
        { 400, Business(2005), Category.OutcomeUnknown, Retry.SafeOnly, "2005" },
        // the code as a JSON string
        { 400, BusinessString("1035"), Category.Declined, Retry.Never, "1035" },
        { 400, BusinessString("1055"), Category.InvalidRequest, Retry.Never, "1055" },
        { 400, BusinessString("1065"), Category.Conflict, Retry.Never, "1065" },
        { 400, BusinessString("2003"), Category.OutcomeUnknown, Retry.SafeOnly, "2003" },
        // the code decides whatever the status
        { 409, Business(1034), Category.Declined, Retry.Never, "1034" },
        { 404, Business(1011), Category.Configuration, Retry.Never, "1011" },
    };

    /// <summary>
    /// The HTTP rows of docs/providers.md §4 and of the shared fallback table: 4xx in the second shape (whose code repeats the
    /// status and is no business code), 5xx with no body, and business codes MakeCommerce does not document.
    /// </summary>
    public static TheoryData<int, string, Category, Retry, string?> Statuses => new()
    {
        { 400, Echo(400), Category.InvalidRequest, Retry.Never, null },
        { 400, """{"code":"400","message":"Bad Request"}""", Category.InvalidRequest, Retry.Never, null },
        { 400, Business(1099), Category.InvalidRequest, Retry.Never, "1099" },
        { 400, Business(1049), Category.InvalidRequest, Retry.Never, "1049" },
        { 400, Business(1060), Category.InvalidRequest, Retry.Never, "1060" },
        { 401, Echo(401), Category.Authentication, Retry.Never, null },
        { 402, Echo(402), Category.Declined, Retry.Never, null },
        { 403, Echo(403), Category.Authorization, Retry.Never, null },
        { 404, Echo(404), Category.NotFound, Retry.Never, null },
        { 408, "", Category.Transient, Retry.SafeOnly, null },
        { 409, Echo(409), Category.Conflict, Retry.Never, null },
        { 409, Business(3333), Category.Conflict, Retry.Never, "3333" },
        { 415, Echo(415), Category.InvalidRequest, Retry.Never, null },
        { 422, Echo(422), Category.InvalidRequest, Retry.Never, null },
        { 429, "", Category.RateLimited, Retry.Always, null },
        { 500, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 502, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 503, "", Category.Transient, Retry.SafeOnly, null },
        { 504, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 599, "", Category.OutcomeUnknown, Retry.SafeOnly, null },
        { 500, Echo(500), Category.OutcomeUnknown, Retry.SafeOnly, null },
    };

    public static TheoryData<string, int, Category, string?> Malformed => new()
    {
        // kind, status, category, ProviderCode
        { "empty", 400, Category.InvalidRequest, null },
        { "empty", 500, Category.OutcomeUnknown, null },
        { "whitespace", 401, Category.Authentication, null },
        { "html page", 502, Category.OutcomeUnknown, null },
        { "plain text", 400, Category.InvalidRequest, null },
        { "json null", 400, Category.InvalidRequest, null },
        { "json string", 404, Category.NotFound, null },
        { "binary", 400, Category.InvalidRequest, null },
        { "top-level array", 400, Category.InvalidRequest, null },
        { "nested objects", 400, Category.InvalidRequest, null },
        { "nested arrays", 500, Category.OutcomeUnknown, null },
        { "nested before the code", 400, Category.InvalidRequest, null },
        { "nested after the code", 400, Category.Declined, "1035" },
        { "bom", 400, Category.Declined, "1035" },
        { "bom and whitespace", 400, Category.Declined, "1035" },
        { "over the limit, code first", 400, Category.Declined, "1035" },
        { "over the limit, code last", 400, Category.InvalidRequest, null },
        { "invalid utf-8 after the code", 400, Category.Declined, "1035" },
        { "invalid utf-8 in the code", 400, Category.InvalidRequest, null },
        { "invalid utf-8 in the message", 400, Category.Declined, "1035" },
        { "truncated in the code", 400, Category.InvalidRequest, null },
        { "truncated in the string code", 400, Category.InvalidRequest, null },
        { "truncated in the message", 400, Category.Declined, "1035" },
        { "truncated in the errors", 400, Category.Declined, "1035" },
        { "code is an object", 400, Category.InvalidRequest, null },
        { "code is an array", 400, Category.InvalidRequest, null },
        { "code is null", 409, Category.Conflict, null },
        { "code is a decimal", 400, Category.InvalidRequest, "1035.5" },
        { "errors is an object", 400, Category.Declined, "1035" },
        { "errors is a number", 400, Category.Declined, "1035" },
        { "duplicate code", 400, Category.Declined, "1035" },
        { "escaped property names", 400, Category.Declined, "1035" },
        { "invalid escape in the message", 400, Category.Declined, "1035" },
        { "lone surrogate in an error field", 400, Category.Declined, "1035" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public Task Send_DocumentedCode_ClassifiedAndRetriedAsDocumented(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertCodeRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Statuses))]
    public Task Send_NoBusinessCode_FallsBackToTheHttpStatus(int status, string body, Category category, Retry retry, string? code) =>
        ProviderPipeline.AssertRowAsync(Provider, status, body, category, retry, code);

    [Theory]
    [MemberData(nameof(Malformed))]
    public Task Post_MalformedBody_TypedExceptionByCodeReadOrByStatus(string kind, int status, Category category, string? code) =>
        ProviderPipeline.AssertSentAsync(Provider, HttpMethod.Post, (HttpStatusCode)status, Body(kind), category, code, attempts: 1);

    [Fact]
    public async Task Post_FirstShapeErrors_FieldErrorsNamedResourceDotField()
    {
        const string body = """
            {"code":1001,"message":"Invalid input","errors":[
              {"resource":"transaction","field":"currency","type":"invalid"},
              {"resource":"customer","field":"ip","type":"missing"},
              {"field":"amount"},
              {"resource":"shop"}]}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.InvalidRequest, "1001");

        exception.Error.Message.ShouldBe("Invalid input");
        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe(
        [
            ("transaction.currency", "invalid"),
            ("customer.ip", "missing"),
            ("amount", "invalid"),
            ("shop", "invalid"),
        ]);
    }

    [Fact]
    public async Task Post_SecondShapeErrors_FieldErrorsNamedByParameterWithTheExpectedType()
    {
        const string body = """
            {"code":400,"message":"Bad Request","errors":[
              {"type":"validation","parameter":"transaction.amount","expected":"string"},
              {"type":"validation","parameter":"transaction.currency"},
              {"type":"validation"}]}
            """;

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.InvalidRequest, code: null);

        exception.Error.Message.ShouldBe("Bad Request");
        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe(
        [
            ("transaction.amount", "validation: expected string"),
            ("transaction.currency", "validation"),
        ]);
    }

    [Fact]
    public async Task Post_DeclineWithErrors_DeclinedCarryingThem()
    {
        const string body = """{"code":1035,"message":"Payment declined","errors":[{"resource":"payment","field":"token","type":"invalid"}]}""";

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.Declined, "1035");

        exception.Error.Message.ShouldBe("Payment declined");
        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe([("payment.token", "invalid")]);
    }

    [Fact]
    public async Task Post_ErrorsWithOddItems_KeepsTheUsableOnes()
    {
        const string body = """{"code":1001,"errors":[1,"x",null,[{"field":"nested"}],{"field":{"a":1},"resource":"r","type":["t"]},{"parameter":"p","extra":{"deep":[1]}}]}""";

        var exception = await ProviderPipeline.AssertPostAsync(Provider, HttpStatusCode.BadRequest, body, Category.InvalidRequest, "1001");

        exception.Error.FieldErrors.Select(e => (e.Field, e.Message)).ShouldBe([("r", "invalid"), ("p", "invalid")]);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Post_ServerErrorWithEmptyBody_OutcomeUnknownAndNotRetried(int status)
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond((HttpStatusCode)status).Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync("transactions"));

        exception.StatusCode.ShouldBe((HttpStatusCode)status);
        exception.ProviderCode.ShouldBeNull();
        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Get_ServerErrorWithEmptyBodyThenSuccess_Retried()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        using var response = await harness.GetAsync("transactions/t1");

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"id":"t1"}""");
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Post_RateLimitedWithRetryAfter_RateLimitedAtOnceWithTheWait()
    {
        using var harness = PaymentClientHarness.Create(Provider);
        harness.Primary.Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(2)));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
        exception.Attempts.ShouldBe(1);
    }

    private static string Business(int code) => $$"""{"code":{{code}},"message":"MakeCommerce says no.","errors":[]}""";

    private static string BusinessString(string code) => $$"""{"code":"{{code}}","message":"MakeCommerce says no."}""";

    private static string Echo(int status) =>
        $$"""{"code":{{status}},"message":"Request failed","errors":[{"type":"validation","parameter":"transaction.amount","expected":"string"}]}""";

    private static byte[] Body(string kind) => kind switch
    {
        "invalid utf-8 in the code" => MalformedBodies.WithInvalidUtf8("""{"code":"10¤35","message":"x"}"""),
        "invalid utf-8 in the message" => MalformedBodies.WithInvalidUtf8("""{"code":1035,"message":"Payment ¤ declined"}"""),
        // 103 is no code; 1035 cut after its third digit must not count as a code at all
        "truncated in the code" => Encoding.UTF8.GetBytes("""{"code":103"""),
        "truncated in the string code" => Encoding.UTF8.GetBytes("""{"code":"103"""),
        "truncated in the message" => Encoding.UTF8.GetBytes("""{"code":1035,"message":"Payment decl"""),
        "truncated in the errors" => Encoding.UTF8.GetBytes("""{"code":1035,"message":"Payment declined","errors":[{"resource":"payment","fie"""),
        "code is an object" => Encoding.UTF8.GetBytes("""{"code":{"value":1035},"message":"x"}"""),
        "code is an array" => Encoding.UTF8.GetBytes("""{"code":[1035],"message":"x"}"""),
        "code is null" => Encoding.UTF8.GetBytes("""{"code":null,"message":"x"}"""),
        "code is a decimal" => Encoding.UTF8.GetBytes("""{"code":1035.5,"message":"x"}"""),
        "errors is an object" => Encoding.UTF8.GetBytes("""{"code":1035,"errors":{"field":"token"}}"""),
        "errors is a number" => Encoding.UTF8.GetBytes("""{"code":1035,"errors":5}"""),
        "duplicate code" => Encoding.UTF8.GetBytes("""{"code":1001,"message":"x","code":1035}"""),
        "escaped property names" => Encoding.UTF8.GetBytes("""{"\u0063ode":1035,"\u006dessage":"Payment declined"}"""),
        "invalid escape in the message" => Encoding.UTF8.GetBytes("""{"code":1035,"message":"bad \x escape"}"""),
        "lone surrogate in an error field" => Encoding.UTF8.GetBytes("""{"code":1035,"errors":[{"resource":"payment","field":"\uDBFF"}]}"""),
        _ => MalformedBodies.For(kind, Declined),
    };
}
