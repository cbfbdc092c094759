using Microsoft.Extensions.Logging;

namespace PaymentHttp;

/// <summary>Source-generated log messages of the rate gate (event ids 1101–1109).</summary>
internal static partial class PaymentRateLimitLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "PaymentHttp client '{ClientName}' ({Provider}): request refused locally by rate budget '{Key}' ({Reason}) and not sent; a permit is back in {RetryAfterMilliseconds} ms.")]
    public static partial void Refused(ILogger logger, string clientName, string provider, string key, string reason, double retryAfterMilliseconds);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "PaymentHttp client '{ClientName}': rate budget '{Key}' paused for {PauseMilliseconds} ms after the provider answered {Category} (code {Code}).")]
    public static partial void Paused(ILogger logger, string clientName, string key, double pauseMilliseconds, string category, string? code);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "PaymentHttp client '{ClientName}': rate budget '{Key}' failed; the request goes on without it.")]
    public static partial void BudgetFailed(ILogger logger, string clientName, string key, Exception exception);
}
