namespace PaymentHttp.Redis;

/// <summary>How <see cref="RedisPaymentRateBudget"/> uses Redis, and how it falls back when Redis is unreachable.</summary>
public sealed class RedisPaymentRateBudgetOptions
{
    /// <summary>
    /// Gets or sets the prefix of the Redis keys; one hash per budget key (<c>&lt;prefix&gt;&lt;budget key&gt;</c>), which
    /// expires when idle. Must not be empty. Default: <c>paymenthttp:rate:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "paymenthttp:rate:";

    /// <summary>
    /// Gets or sets how long one Redis round trip may take before the attempt is decided by the in-process fallback
    /// budget instead. Allowed: 1 ms to 10 seconds. Default: 250 ms.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Gets or sets how often, while on the fallback, one attempt tries Redis again; when it answers, every attempt is
    /// shared again. Allowed: 100 ms to one hour. Default: 5 seconds.
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);
}
