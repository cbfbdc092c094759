using System.Globalization;
using System.Net;

namespace PaymentHttp;

/// <summary>
/// The HTTP-status table of docs/providers.md, used whenever no provider code decides.
/// </summary>
internal static class HttpStatusFallback
{
    public static ProviderError Classify(HttpStatusCode statusCode)
    {
        var (category, retrySafety) = Rule((int)statusCode);
        return new ProviderError(category, Describe(statusCode))
        {
            StatusCode = statusCode,
            RetrySafety = retrySafety,
        };
    }

    public static (PaymentErrorCategory Category, PaymentRetrySafety RetrySafety) Rule(int status) => status switch
    {
        400 => (PaymentErrorCategory.InvalidRequest, PaymentRetrySafety.Never),
        401 => (PaymentErrorCategory.Authentication, PaymentRetrySafety.Never),
        402 => (PaymentErrorCategory.Declined, PaymentRetrySafety.Never),
        403 => (PaymentErrorCategory.Authorization, PaymentRetrySafety.Never),
        404 => (PaymentErrorCategory.NotFound, PaymentRetrySafety.Never),
        408 => (PaymentErrorCategory.Transient, PaymentRetrySafety.SafeOnly),
        409 => (PaymentErrorCategory.Conflict, PaymentRetrySafety.Never),
        415 or 422 => (PaymentErrorCategory.InvalidRequest, PaymentRetrySafety.Never),
        429 => (PaymentErrorCategory.RateLimited, PaymentRetrySafety.Always),
        503 => (PaymentErrorCategory.Transient, PaymentRetrySafety.SafeOnly),
        < 200 => (PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly), // not a final status: an invalid response
        // 3xx, never followed (RedirectRule; these rows are for an unsafe request): 303 says the provider acted and
        // points to the result; the other redirects say the endpoint is elsewhere, so nothing was done here.
        303 => (PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.Never),
        300 or 301 or 302 or 305 or 306 or 307 or 308 => (PaymentErrorCategory.Configuration, PaymentRetrySafety.Never),
        >= 300 and <= 399 => (PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly), // 304 and unassigned: no valid final answer
        >= 500 and <= 599 => (PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly),
        _ => (PaymentErrorCategory.Unknown, PaymentRetrySafety.Never),
    };

    public static string Describe(HttpStatusCode statusCode)
    {
        var number = ((int)statusCode).ToString(CultureInfo.InvariantCulture);
        var name = Enum.IsDefined(statusCode) ? statusCode.ToString() : null;
        return name is null ? $"HTTP {number}" : $"HTTP {number} ({name})";
    }
}
