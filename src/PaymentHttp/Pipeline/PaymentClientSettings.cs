using System.Collections.Frozen;

namespace PaymentHttp;

/// <summary>
/// One validated snapshot of a client's options, as the pipeline reads them. Immutable: a configuration reload
/// builds a new snapshot and swaps it in whole, so a call never sees half of one and half of another.
/// </summary>
internal sealed class PaymentClientSettings
{
    public PaymentClientSettings(PaymentProviderClientOptions options)
    {
        BaseAddress = options.BaseAddress;
        MaxErrorBodyBytes = options.MaxErrorBodyBytes;
        IdempotencyKeyHeader = string.IsNullOrEmpty(options.IdempotencyKeyHeader) ? null : options.IdempotencyKeyHeader;
        ErrorCodeOverrides = options.ErrorCodes.Count == 0
            ? null
            : options.ErrorCodes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        MaxRetryAttempts = options.Retry.MaxRetryAttempts;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
        UseJitter = options.Retry.UseJitter;
        AttemptTimeout = options.AttemptTimeout;
        TotalTimeout = options.TotalTimeout;
        CircuitBreakerEnabled = options.CircuitBreaker.Enabled;
        FailureRatio = options.CircuitBreaker.FailureRatio;
        MinimumThroughput = options.CircuitBreaker.MinimumThroughput;
        SamplingDuration = options.CircuitBreaker.SamplingDuration;
        BreakDuration = options.CircuitBreaker.BreakDuration;
        RateLimit = options.RateLimit;
    }

    public Uri? BaseAddress { get; }

    public int MaxErrorBodyBytes { get; }

    public string? IdempotencyKeyHeader { get; }

    /// <summary>Gets the user's error-code meanings, or <see langword="null"/> when there are none (the common case).</summary>
    public FrozenDictionary<string, PaymentErrorCategory>? ErrorCodeOverrides { get; }

    public int MaxRetryAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public bool UseJitter { get; }

    public TimeSpan AttemptTimeout { get; }

    public TimeSpan TotalTimeout { get; }

    public bool CircuitBreakerEnabled { get; }

    public double FailureRatio { get; }

    public int MinimumThroughput { get; }

    public TimeSpan SamplingDuration { get; }

    public TimeSpan BreakDuration { get; }

    /// <summary>Gets the rate-limit settings, read when the pipeline is built (a reload brings a new instance).</summary>
    public PaymentRateLimitOptions RateLimit { get; }

    /// <summary>Returns the category the user mapped <paramref name="code"/> to, if any.</summary>
    public PaymentErrorCategory? OverrideFor(string? code) =>
        code is not null && ErrorCodeOverrides is { } overrides && overrides.TryGetValue(code, out var category) ? category : null;
}
