using Microsoft.AspNetCore.Mvc;
using PaymentHttp.WebApi.Payments;

namespace PaymentHttp.WebApi.Problems;

/// <summary>
/// The one table from PaymentHttp's typed exceptions to HTTP problem details. Every detail is written here, in this
/// API's words: a provider's message, body or credentials never reach the client. What is passed on is what a client
/// can act on — the provider's error and decline codes, the names of the fields it rejected, and its request id for support.
/// </summary>
internal static class PaymentProblems
{
    public static ProblemDetails For(PaymentProviderException exception) => exception switch
    {
        ProviderDeclinedException declined => WithCodes(Problem(
            StatusCodes.Status402PaymentRequired, "Payment declined",
            "The provider declined the payment. Nothing was charged; ask the customer for another means of payment."), declined),

        ProviderValidationException invalid => WithCodes(Invalid(invalid), invalid),

        ProviderConflictException conflict => WithCodes(Problem(
            StatusCodes.Status409Conflict, "Payment already exists",
            "The provider already has a payment with this merchant reference. Look it up before charging again."), conflict),

        ProviderNotFoundException => Problem(
            StatusCodes.Status404NotFound, "Payment not found", "The provider has no payment with this merchant reference."),

        // Retry-After (when known) goes in a header; see PaymentExceptionHandler. 503 for all three: the provider did not
        // take the payment, and the client may try again later.
        ProviderCircuitOpenException => Problem(
            StatusCodes.Status503ServiceUnavailable, "Payment provider unavailable",
            "The provider has been failing, so payments to it are paused for a moment. Nothing was sent or charged."),
        ProviderRateLimitedException => Problem(
            StatusCodes.Status503ServiceUnavailable, "Payment provider busy",
            "The provider is throttling requests. Nothing was charged; try again after the Retry-After delay."),
        ProviderUnavailableException => Problem(
            StatusCodes.Status503ServiceUnavailable, "Payment provider unavailable",
            "The provider is unavailable. Nothing was charged; try again later."),

        // /checkout answers an unknown outcome itself (202 with a reconcile link); this row is for any other caller.
        ProviderOutcomeUnknownException => Problem(
            StatusCodes.Status502BadGateway, "Payment outcome unknown",
            "The provider may have processed the request. Look the payment up by its merchant reference before trying again."),

        // Our credentials or account set-up were refused. 502, not 500: the fault is between this service and the
        // provider, not in the client's request nor a bug in this code, and retrying will not help until someone fixes
        // the set-up. Not 401/403 either: those would tell the client that *its* credentials are wrong.
        ProviderAuthenticationException or ProviderAuthorizationException or ProviderConfigurationException => Problem(
            StatusCodes.Status502BadGateway, "Payment provider refused this service",
            "The payment provider refused this service's credentials or account configuration. Nothing was charged; this is not a problem with your request."),

        _ => Problem(
            StatusCodes.Status502BadGateway, "Payment provider error",
            "The payment provider answered with an error this service does not recognise. Nothing is known to be charged."),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>
    /// 422 naming the fields the provider rejected, under this API's field names, each with this API's own text: the
    /// provider's wording can carry its internals (units, limits, echoed values), and it changes without notice. The
    /// provider's code (in <c>providerCode</c>) says which rule failed.
    /// </summary>
    private static HttpValidationProblemDetails Invalid(ProviderValidationException exception)
    {
        var provider = exception.Provider?.ToString() ?? "The provider";
        var rejected = exception.ProviderCode is { } code ? $"Rejected by {provider} (code {code})." : $"Rejected by {provider}.";
        var errors = exception.Error.FieldErrors
            .Select(field => ProviderApi.FieldName(field.Field))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(field => field, _ => new[] { rejected }, StringComparer.Ordinal);
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The provider rejected the payment's details",
            Detail = errors.Count > 0
                ? "Nothing was charged. Correct the fields under errors; the amount is in major units (25.00)."
                : "Nothing was charged. The provider named no field; check the amount (major units, 25.00) and the currency.",
        };
    }

    private static ProblemDetails WithCodes(ProblemDetails problem, PaymentProviderException exception)
    {
        problem.Extensions["provider"] = exception.Provider?.ToString();
        problem.Extensions["providerCode"] = exception.ProviderCode;
        if (exception.Error.DeclineCode is { } declineCode)
        {
            problem.Extensions["declineCode"] = declineCode;
        }

        if (exception.Error.RequestId is { } requestId)
        {
            problem.Extensions["providerRequestId"] = requestId;
        }

        return problem;
    }
}
