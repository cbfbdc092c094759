using Microsoft.Extensions.Logging;

namespace PaymentHttp;

/// <summary>
/// Source-generated log messages. They carry the client, provider, category, code, status, attempts and delays —
/// never headers or bodies; the provider's message is logged only after it was redacted (Redaction/).
/// </summary>
internal static partial class PaymentHttpLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error,
        Message = "The error classifier of PaymentHttp client '{ClientName}' threw while classifying an HTTP {StatusCode} response; the HTTP-status fallback was used instead.")]
    public static partial void ClassifierFailed(ILogger logger, string clientName, int statusCode, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): attempt {Attempt} failed with {Category} (code {Code}); retrying in {DelayMilliseconds} ms.")]
    public static partial void RetryScheduled(ILogger logger, string clientName, string provider, int attempt, string category, string? code, double delayMilliseconds);


    [LoggerMessage(EventId = 1003, Level = LogLevel.Error,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): call failed with {Category} (HTTP {StatusCode}, code {Code}) after {Attempts} attempt(s); this service's credentials or provider account need fixing: {ErrorMessage}")]
    public static partial void CallFailed(ILogger logger, string clientName, string provider, string category, int? statusCode, string? code, int attempts, string errorMessage);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): the provider refused the call with {Category} (HTTP {StatusCode}, code {Code}) after {Attempts} attempt(s): {ErrorMessage}")]
    public static partial void CallRefused(ILogger logger, string clientName, string provider, string category, int? statusCode, string? code, int attempts, string errorMessage);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): outcome unknown (HTTP {StatusCode}, code {Code}) after {Attempts} attempt(s); the provider may have processed the request, reconcile before repeating it: {ErrorMessage}")]
    public static partial void OutcomeUnknown(ILogger logger, string clientName, string provider, int? statusCode, string? code, int attempts, string errorMessage);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): provider unavailable, call failed with {Category} (HTTP {StatusCode}, code {Code}) after {Attempts} attempt(s): {ErrorMessage}")]
    public static partial void ProviderUnavailable(ILogger logger, string clientName, string provider, string category, int? statusCode, string? code, int attempts, string errorMessage);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): unrecognised provider answer (HTTP {StatusCode}, code {Code}) after {Attempts} attempt(s); map the code with ErrorCodes if it recurs: {ErrorMessage}")]
    public static partial void AnswerNotRecognised(ILogger logger, string clientName, string provider, int? statusCode, string? code, int attempts, string errorMessage);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): circuit opened for {BreakMilliseconds} ms; calls fail fast until then.")]
    public static partial void CircuitOpened(ILogger logger, string clientName, string provider, double breakMilliseconds);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): circuit half-open; letting a trial call through.")]
    public static partial void CircuitHalfOpened(ILogger logger, string clientName, string provider);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): circuit closed; calls flow normally.")]
    public static partial void CircuitClosed(ILogger logger, string clientName, string provider);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error,
        Message = "PaymentHttp client '{ClientName}': reloaded options are invalid and were not applied; the last valid options stay in force. {Failures}")]
    public static partial void OptionsReloadRejected(ILogger logger, string clientName, string failures);
}
