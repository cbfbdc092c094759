using System.Net;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Classification;

/// <summary>
/// The HTTP-status fallback table of docs/providers.md, through the real pipeline: category, exception type, and
/// whether the failure was retried for an unsafe POST and for a safe GET. Retries: 3, so a retried failure makes 4 attempts.
/// </summary>
public sealed class HttpStatusFallbackTests
{
    public static TheoryData<int, string, Type, PaymentErrorCategory, int> Table => new()
    {
        // status, method, exception, category, attempts
        { 400, "POST", typeof(ProviderValidationException), PaymentErrorCategory.InvalidRequest, 1 },
        { 400, "GET", typeof(ProviderValidationException), PaymentErrorCategory.InvalidRequest, 1 },
        { 401, "POST", typeof(ProviderAuthenticationException), PaymentErrorCategory.Authentication, 1 },
        { 402, "POST", typeof(ProviderDeclinedException), PaymentErrorCategory.Declined, 1 },
        { 403, "POST", typeof(ProviderAuthorizationException), PaymentErrorCategory.Authorization, 1 },
        { 404, "GET", typeof(ProviderNotFoundException), PaymentErrorCategory.NotFound, 1 },
        { 405, "POST", typeof(ProviderUnknownErrorException), PaymentErrorCategory.Unknown, 1 },
        { 408, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 408, "GET", typeof(ProviderUnavailableException), PaymentErrorCategory.Transient, 4 },
        { 409, "POST", typeof(ProviderConflictException), PaymentErrorCategory.Conflict, 1 },
        { 415, "POST", typeof(ProviderValidationException), PaymentErrorCategory.InvalidRequest, 1 },
        { 422, "POST", typeof(ProviderValidationException), PaymentErrorCategory.InvalidRequest, 1 },
        { 429, "POST", typeof(ProviderRateLimitedException), PaymentErrorCategory.RateLimited, 4 },
        { 429, "GET", typeof(ProviderRateLimitedException), PaymentErrorCategory.RateLimited, 4 },
        { 500, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 500, "GET", typeof(ProviderUnavailableException), PaymentErrorCategory.Transient, 4 },
        { 502, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 502, "GET", typeof(ProviderUnavailableException), PaymentErrorCategory.Transient, 4 },
        { 503, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 503, "GET", typeof(ProviderUnavailableException), PaymentErrorCategory.Transient, 4 },
        { 504, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 504, "HEAD", typeof(ProviderUnavailableException), PaymentErrorCategory.Transient, 4 },
        { 599, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 503, "PUT", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 500, "DELETE", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
        { 99, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 }, // "HTTP/1.1 099": not a final status
        { 99, "GET", typeof(ProviderUnavailableException), PaymentErrorCategory.Transient, 4 },
        { 0, "POST", typeof(ProviderOutcomeUnknownException), PaymentErrorCategory.OutcomeUnknown, 1 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Send_FailureStatus_ThrowsTypedExceptionAfterExpectedAttempts(
        int status, string method, Type exceptionType, PaymentErrorCategory category, int attempts)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Always((HttpStatusCode)status, """{"unrelated":"body"}""");
        using var request = new HttpRequestMessage(new HttpMethod(method), "payments")
        {
            Content = method is "GET" or "HEAD" ? null : new StringContent("{}"),
        };

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => harness.Client.SendAsync(request));

        exception.GetType().ShouldBe(exceptionType);
        exception.Category.ShouldBe(category);
        exception.StatusCode.ShouldBe((HttpStatusCode)status);
        exception.Provider.ShouldBe(PaymentProvider.Plutu);
        exception.Attempts.ShouldBe(attempts);
        harness.Primary.Attempts.ShouldBe(attempts);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Send_NonFailureStatus_ReturnsResponseUnchanged(int status)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond((HttpStatusCode)status, """{"id":"p_1"}""");

        using var response = await harness.PostAsync();

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"id":"p_1"}""");
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public void ClassifyByStatus_UnlistedStatus_IsUnknownAndNeverRetried()
    {
        var error = PaymentErrorClassifier.ClassifyByStatus((HttpStatusCode)418);

        error.Category.ShouldBe(PaymentErrorCategory.Unknown);
        error.RetrySafety.ShouldBe(PaymentRetrySafety.Never);
        error.StatusCode.ShouldBe((HttpStatusCode)418);
        error.Message.ShouldBe("HTTP 418");
    }

    [Fact]
    public void ClassifyByStatus_ServiceUnavailable_IsTransientSafeOnly()
    {
        var error = PaymentErrorClassifier.ClassifyByStatus(HttpStatusCode.ServiceUnavailable);

        error.Category.ShouldBe(PaymentErrorCategory.Transient);
        error.RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        error.Message.ShouldBe("HTTP 503 (ServiceUnavailable)");
    }
}
