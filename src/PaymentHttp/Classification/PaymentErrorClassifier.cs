using System.Net;

namespace PaymentHttp;

/// <summary>
/// Turns one provider response into a <see cref="ProviderError"/>. Derive from it to teach PaymentHttp a
/// provider it does not know; the built-in providers use the same contract.
/// </summary>
/// <remarks>
/// A classifier is called once per HTTP attempt: for every response with status 400 or above or below 200 (not a
/// valid final status), and for 2xx responses too when <see cref="InspectsSuccessResponses"/> is
/// <see langword="true"/>. It must be pure, thread-safe and must not throw: whatever the body holds, fall back to
/// <see cref="ClassifyByStatus(in ProviderResponse)"/>. A classifier that throws anyway is logged and
/// replaced by that fallback for the response.
/// </remarks>
public abstract class PaymentErrorClassifier
{
    /// <summary>
    /// Gets a value indicating whether the provider reports failures inside 2xx responses, so that their
    /// bodies must be inspected. Defaults to <see langword="false"/>, which keeps the success path free of parsing.
    /// </summary>
    public virtual bool InspectsSuccessResponses => false;

    /// <summary>
    /// Classifies one response.
    /// </summary>
    /// <param name="response">The status, headers and bounded body of the response.</param>
    /// <returns>
    /// The error the response reports, or <see langword="null"/> when it is a success. For a status of 400 or
    /// above, <see langword="null"/> means "no opinion" and the HTTP-status fallback applies.
    /// </returns>
    public abstract ProviderError? Classify(in ProviderResponse response);

    /// <summary>
    /// Classifies a response by its HTTP status alone, following the fallback table every provider shares
    /// (400 InvalidRequest, 401 Authentication, 402 Declined, 403 Authorization, 404 NotFound,
    /// 408 Transient, 409 Conflict, 415/422 InvalidRequest, 429 RateLimited, 503 Transient, other 5xx OutcomeUnknown,
    /// below 200 OutcomeUnknown as an invalid response).
    /// </summary>
    /// <param name="response">The response.</param>
    /// <returns>The error for the status; <see cref="PaymentErrorCategory.Unknown"/> for a status the table does not name.</returns>
    public static ProviderError ClassifyByStatus(in ProviderResponse response)
        => HttpStatusFallback.Classify(response.StatusCode);

    /// <summary>
    /// Classifies an HTTP status alone, following the same fallback table as <see cref="ClassifyByStatus(in ProviderResponse)"/>.
    /// </summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <returns>The error for the status.</returns>
    public static ProviderError ClassifyByStatus(HttpStatusCode statusCode)
        => HttpStatusFallback.Classify(statusCode);
}
