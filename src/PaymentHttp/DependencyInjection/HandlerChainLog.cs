using Microsoft.Extensions.Logging;

namespace PaymentHttp;

/// <summary>Log lines about the shape of a payment client's handler chain, written when the chain is built.</summary>
internal static partial class HandlerChainLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "PaymentHttp client '{ClientName}': removed {Removed} from its handlers. A payment client has one resilience layer, PaymentHttp's: a second one retries, hedges or times out without the money rule and sends a payment again (ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler()), as .NET Aspire's ServiceDefaults call it, adds one to every client). To use your own instead, add it before the PaymentHttp handlers and set Retry.MaxRetryAttempts = 0 and CircuitBreaker.Enabled = false.")]
    public static partial void RemovedResilienceHandlers(ILogger logger, string clientName, string removed);
}
