using System.Globalization;
using System.Net;
using System.Text;

namespace PaymentHttp;

/// <summary>
/// One classified provider failure: what the provider said, and what it means for the caller.
/// </summary>
/// <remarks>
/// Instances are immutable once built. Classifiers create them with an object initializer; the pipeline then
/// completes them with the provider, the HTTP status, the <c>Retry-After</c> delay and the category that
/// applies to the request that was sent (see <see cref="PaymentRetrySafety.SafeOnly"/>).
/// </remarks>
public sealed class ProviderError
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderError"/> class.
    /// </summary>
    /// <param name="category">What the failure means for the caller.</param>
    /// <param name="message">The provider's message, or a description of the failure when the provider sent none.</param>
    public ProviderError(PaymentErrorCategory category, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Category = category;
        Message = message;
        RetrySafety = DefaultRetrySafety(category);
    }

    /// <summary>Gets the provider that reported the failure, or <see langword="null"/> for a provider registered with a custom classifier.</summary>
    public PaymentProvider? Provider { get; init; }

    /// <summary>Gets the HTTP status of the response, or <see langword="null"/> when no response arrived (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Gets the provider's own error code, always as a string (<c>"1035"</c>, <c>"ALTERNATE-PAYMENTS-INT-4"</c>), or <see langword="null"/>.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the provider's message, or a description of the failure when the provider sent none.</summary>
    public string Message { get; }

    /// <summary>Gets what the failure means for the caller.</summary>
    public PaymentErrorCategory Category { get; }

    /// <summary>
    /// Gets whether the failed request may be sent again. Defaults from <see cref="Category"/>:
    /// <see cref="PaymentErrorCategory.RateLimited"/> is <see cref="PaymentRetrySafety.Always"/>,
    /// <see cref="PaymentErrorCategory.Transient"/> and <see cref="PaymentErrorCategory.OutcomeUnknown"/> are
    /// <see cref="PaymentRetrySafety.SafeOnly"/>, everything else is <see cref="PaymentRetrySafety.Never"/>.
    /// </summary>
    public PaymentRetrySafety RetrySafety { get; init; }

    /// <summary>Gets how long the provider asked the caller to wait (the <c>Retry-After</c> header), or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the fields the provider reported as invalid; empty when there are none.</summary>
    public IReadOnlyList<ProviderFieldError> FieldErrors { get; init; } = [];

    /// <summary>Gets further detail lines the provider sent; empty when there are none.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>Gets the provider's more specific decline reason (for example <c>insufficient_funds</c>), or <see langword="null"/>.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>Gets the provider's request or correlation id for support tickets, or <see langword="null"/>.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Gets a value indicating whether the pipeline may send this request again. Set when the pipeline completes
    /// the error for the request that was actually sent.
    /// </summary>
    internal bool IsRetryable { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Provider?.ToString() ?? "Provider").Append(' ').Append(Category);
        if (StatusCode is { } status)
        {
            text.Append(" (HTTP ").Append(((int)status).ToString(CultureInfo.InvariantCulture));
            if (Code is not null)
            {
                text.Append(", code ").Append(Code);
            }

            text.Append(')');
        }
        else if (Code is not null)
        {
            text.Append(" (code ").Append(Code).Append(')');
        }

        return text.Append(": ").Append(Message).ToString();
    }

    /// <summary>The retry safety a category has when the classifier does not say otherwise.</summary>
    internal static PaymentRetrySafety DefaultRetrySafety(PaymentErrorCategory category) => category switch
    {
        PaymentErrorCategory.RateLimited => PaymentRetrySafety.Always,
        PaymentErrorCategory.Transient or PaymentErrorCategory.OutcomeUnknown => PaymentRetrySafety.SafeOnly,
        _ => PaymentRetrySafety.Never,
    };

    /// <summary>
    /// Completes a classifier's error for the request that was sent. A <see cref="PaymentRetrySafety.SafeOnly"/>
    /// failure becomes <see cref="PaymentErrorCategory.Transient"/> (retryable) on a request that is safe to repeat
    /// and <see cref="PaymentErrorCategory.OutcomeUnknown"/> (final: reconcile first) on any other request.
    /// A <paramref name="categoryOverride"/> (the user's meaning for the code) replaces the classifier's category
    /// and retry safety first.
    /// </summary>
    internal ProviderError CompleteFor(
        PaymentProvider? provider,
        HttpStatusCode? statusCode,
        TimeSpan? retryAfter,
        bool requestIsSafeToRepeat,
        PaymentErrorCategory? categoryOverride = null)
    {
        var retrySafety = categoryOverride is { } overridden ? DefaultRetrySafety(overridden) : RetrySafety;
        var category = retrySafety == PaymentRetrySafety.SafeOnly
            ? requestIsSafeToRepeat ? PaymentErrorCategory.Transient : PaymentErrorCategory.OutcomeUnknown
            : categoryOverride ?? Category;
        var retryable = retrySafety == PaymentRetrySafety.Always
            || (retrySafety == PaymentRetrySafety.SafeOnly && requestIsSafeToRepeat);

        return new ProviderError(category, Message)
        {
            Provider = Provider ?? provider,
            StatusCode = StatusCode ?? statusCode,
            Code = Code,
            RetrySafety = retrySafety,
            RetryAfter = RetryAfter ?? retryAfter,
            FieldErrors = FieldErrors,
            Details = Details,
            DeclineCode = DeclineCode,
            RequestId = RequestId,
            IsRetryable = retryable,
        };
    }

    /// <summary>
    /// A copy with the provider's text replaced and everything else kept: how <see cref="ProviderErrorRedactor"/>
    /// swaps in redacted text without knowing the rest of this type.
    /// </summary>
    internal ProviderError WithText(
        string message,
        IReadOnlyList<ProviderFieldError> fieldErrors,
        IReadOnlyList<string> details,
        string? code,
        string? declineCode,
        string? requestId) => new(Category, message)
        {
            Provider = Provider,
            StatusCode = StatusCode,
            Code = code,
            RetrySafety = RetrySafety,
            RetryAfter = RetryAfter,
            FieldErrors = fieldErrors,
            Details = details,
            DeclineCode = declineCode,
            RequestId = requestId,
            IsRetryable = IsRetryable,
        };
}
