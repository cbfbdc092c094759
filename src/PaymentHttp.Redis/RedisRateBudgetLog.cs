using Microsoft.Extensions.Logging;

namespace PaymentHttp.Redis;

/// <summary>Source-generated log messages of the Redis rate budget (event ids 1201–1209): one warning per outage.</summary>
internal static partial class RedisRateBudgetLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "PaymentHttp Redis rate budget: Redis is unreachable ({Reason}); rate budgets and pauses are enforced per instance until it answers again (probing every {ProbeMilliseconds} ms). Each instance now allows the full limit on its own.")]
    public static partial void FellBack(ILogger logger, double probeMilliseconds, string reason, Exception? exception);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "PaymentHttp Redis rate budget: Redis answers again; rate budgets and pauses are shared across instances again.")]
    public static partial void Recovered(ILogger logger);
}
