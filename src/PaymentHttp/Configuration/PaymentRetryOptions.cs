namespace PaymentHttp;

/// <summary>
/// How failed attempts are retried. Only failures that are safe to retry for the request are retried at all;
/// see <see cref="PaymentRetrySafety"/>.
/// </summary>
public sealed class PaymentRetryOptions
{
    /// <summary>
    /// Gets or sets how many times a failed attempt is retried, in addition to the first attempt.
    /// <c>0</c> turns retries off. Allowed: 0 to 100. Default: 3.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// Gets or sets the delay before the first retry; each further retry doubles it. <see cref="TimeSpan.Zero"/>
    /// means no waiting (useful in tests). Allowed: zero up to <see cref="MaxDelay"/>. Default: 1 second.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest wait between attempts. A provider's <c>Retry-After</c> longer than this is not
    /// slept: the failure is returned to the caller at once with <see cref="ProviderError.RetryAfter"/> set.
    /// Allowed: more than zero, up to one day. Default: 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets a value indicating whether each backoff delay is randomized between half and all of its
    /// exponential value, so that many clients do not retry in step. Default: <see langword="true"/>.
    /// </summary>
    public bool UseJitter { get; set; } = true;
}
