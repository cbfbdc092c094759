using Microsoft.Extensions.Logging;

namespace PaymentHttp;

/// <summary>
/// Source-generated log messages. Values logged here never include request or response bodies or headers.
/// </summary>
internal static partial class PaymentHttpLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error,
        Message = "The error classifier of PaymentHttp client '{ClientName}' threw while classifying an HTTP {StatusCode} response; the HTTP-status fallback was used instead.")]
    public static partial void ClassifierFailed(ILogger logger, string clientName, int statusCode, Exception exception);
}
