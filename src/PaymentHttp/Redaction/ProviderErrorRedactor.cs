namespace PaymentHttp;

/// <summary>
/// The one place a completed attempt's <see cref="ProviderError"/> is redacted, before anything reads it: every
/// piece of provider text in it — message, details, field names and messages, code, decline code, request id —
/// goes through <see cref="SecretRedactor"/> with the request's secrets. The exception message, the logs, the
/// activity tags and the metric tags are all built from the redacted error.
/// </summary>
internal static class ProviderErrorRedactor
{
    /// <summary>Returns the error with its text redacted; the same instance when nothing needed it.</summary>
    public static ProviderError Redact(ProviderError error, in RequestSecrets secrets)
    {
        var message = SecretRedactor.Redact(error.Message, secrets);
        var fieldErrors = RedactFieldErrors(error.FieldErrors, secrets);
        var details = RedactDetails(error.Details, secrets);
        var code = RedactOptional(error.Code, secrets);
        var declineCode = RedactOptional(error.DeclineCode, secrets);
        var requestId = RedactOptional(error.RequestId, secrets);

        return ReferenceEquals(message, error.Message)
            && ReferenceEquals(fieldErrors, error.FieldErrors)
            && ReferenceEquals(details, error.Details)
            && ReferenceEquals(code, error.Code)
            && ReferenceEquals(declineCode, error.DeclineCode)
            && ReferenceEquals(requestId, error.RequestId)
                ? error
                : error.WithText(message, fieldErrors, details, code, declineCode, requestId);
    }

    private static string? RedactOptional(string? text, in RequestSecrets secrets) =>
        text is null ? null : SecretRedactor.Redact(text, secrets);

    private static IReadOnlyList<ProviderFieldError> RedactFieldErrors(IReadOnlyList<ProviderFieldError> fieldErrors, in RequestSecrets secrets)
    {
        ProviderFieldError[]? redacted = null;
        for (var i = 0; i < fieldErrors.Count; i++)
        {
            var field = SecretRedactor.Redact(fieldErrors[i].Field, secrets);
            var message = SecretRedactor.Redact(fieldErrors[i].Message, secrets);
            if (!ReferenceEquals(field, fieldErrors[i].Field) || !ReferenceEquals(message, fieldErrors[i].Message))
            {
                redacted ??= [.. fieldErrors];
                redacted[i] = new ProviderFieldError(field, message);
            }
        }

        return redacted ?? fieldErrors;
    }

    private static IReadOnlyList<string> RedactDetails(IReadOnlyList<string> details, in RequestSecrets secrets)
    {
        string[]? redacted = null;
        for (var i = 0; i < details.Count; i++)
        {
            var detail = SecretRedactor.Redact(details[i], secrets);
            if (!ReferenceEquals(detail, details[i]))
            {
                redacted ??= [.. details];
                redacted[i] = detail;
            }
        }

        return redacted ?? details;
    }
}
