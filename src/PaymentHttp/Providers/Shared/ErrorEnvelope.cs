using System.Globalization;
using System.Net;

namespace PaymentHttp;

/// <summary>
/// The fields a provider error envelope can carry, filled by a provider's parser and turned into a
/// <see cref="ProviderError"/> by the rule its code (or its HTTP status) selects.
/// </summary>
internal sealed class ErrorEnvelope
{
    private List<ProviderFieldError>? _fieldErrors;
    private List<string>? _details;

    /// <summary>Gets or sets the provider's error code, as text.</summary>
    public string? Code { get; set; }

    public string? Message { get; set; }

    /// <summary>Gets or sets an error type or kind (PlexyPay <c>type</c>).</summary>
    public string? Type { get; set; }

    public string? DeclineCode { get; set; }

    /// <summary>Gets or sets the request field a single error is about (PlexyPay <c>param</c>).</summary>
    public string? Param { get; set; }

    /// <summary>Gets or sets a value indicating whether the body wrapped the error in an <c>error</c> object (PlexyPay's two shapes).</summary>
    public bool HasErrorObject { get; set; }

    public string? RequestId { get; set; }

    public int FieldErrorCount => _fieldErrors?.Count ?? 0;

    public int DetailCount => _details?.Count ?? 0;

    public void AddFieldError(string field, string message)
    {
        _fieldErrors ??= [];
        if (_fieldErrors.Count < JsonEnvelope.MaxListItems)
        {
            _fieldErrors.Add(new ProviderFieldError(field, message));
        }
    }

    public void AddDetail(string detail)
    {
        _details ??= [];
        if (_details.Count < JsonEnvelope.MaxListItems)
        {
            _details.Add(detail);
        }
    }

    /// <summary>
    /// Builds the error: the table's rule for the code when there is one, otherwise the HTTP-status rule. The
    /// code, message, field errors and details are kept either way.
    /// </summary>
    public ProviderError Classify(ErrorCodeTable table, HttpStatusCode statusCode) =>
        table.TryGet(Code, out var rule) ? ToError(rule, statusCode) : ByStatus(statusCode);

    /// <summary>Builds the error by the HTTP status, keeping what the envelope says.</summary>
    public ProviderError ByStatus(HttpStatusCode statusCode)
    {
        var (category, retrySafety) = HttpStatusFallback.Rule((int)statusCode);
        return ToError(new ErrorCodeRule(category, retrySafety), statusCode);
    }

    public ProviderError ToError(ErrorCodeRule rule, HttpStatusCode statusCode)
    {
        if (Param is not null && !HasFieldError(Param))
        {
            AddFieldError(Param, Message ?? "invalid");
        }

        return new(rule.Category, Message ?? DefaultMessage(statusCode))
        {
            StatusCode = statusCode,
            Code = Code,
            RetrySafety = rule.RetrySafety,
            FieldErrors = _fieldErrors ?? (IReadOnlyList<ProviderFieldError>)[],
            Details = _details ?? (IReadOnlyList<string>)[],
            DeclineCode = DeclineCode,
            RequestId = RequestId,
        };
    }

    /// <summary>
    /// The error for a 2xx body that should say whether the payment succeeded but cannot be read (cut, malformed,
    /// undecodable): the provider may have acted, so it is retried only when safe and otherwise must be reconciled.
    /// </summary>
    public static ProviderError Unreadable2xx(HttpStatusCode statusCode, string what) =>
        new(PaymentErrorCategory.OutcomeUnknown, $"The provider answered HTTP {(int)statusCode} but its {what} could not be read; the request may have been processed.")
        {
            StatusCode = statusCode,
            RetrySafety = PaymentRetrySafety.SafeOnly,
        };

    private bool HasFieldError(string field)
    {
        foreach (var error in _fieldErrors ?? [])
        {
            if (error.Field == field)
            {
                return true;
            }
        }

        return false;
    }

    private string DefaultMessage(HttpStatusCode statusCode) => Code is null
        ? HttpStatusFallback.Describe(statusCode)
        : string.Create(CultureInfo.InvariantCulture, $"Provider error {Code} (HTTP {(int)statusCode}).");
}
