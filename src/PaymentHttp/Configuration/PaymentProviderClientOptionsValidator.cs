using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace PaymentHttp;

/// <summary>
/// Validates <see cref="PaymentProviderClientOptions"/> with messages that name the setting, the allowed range
/// and the value found, so that a bad configuration fails at start-up rather than on the first payment.
/// </summary>
/// <remarks>
/// Once a client has been created with valid options, a reload with invalid ones is not failed here:
/// <see cref="IOptionsMonitor{TOptions}"/> would throw out of the configuration's change callback, on whatever
/// thread reloaded it. <see cref="PaymentClientRuntime.Apply"/> checks the reloaded options with the same rules
/// and messages, logs them, and keeps the last valid options in force.
/// </remarks>
internal sealed class PaymentProviderClientOptionsValidator : IValidateOptions<PaymentProviderClientOptions>
{
    internal const int MaxRetryAttemptsLimit = 100;
    internal const int MinErrorBodyBytes = 1024;
    internal const int MaxErrorBodyBytesLimit = 16 * 1024 * 1024;
    internal const int MaxRatePermits = 1_000_000;
    internal const int MaxRateKeyLength = 200;
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, PaymentProviderClientOptions options)
    {
        var failures = Check(name, options);
        var key = name ?? Options.DefaultName;
        if (failures.Count == 0)
        {
            _accepted.TryAdd(key, true);
            return ValidateOptionsResult.Success;
        }

        return _accepted.ContainsKey(key) ? ValidateOptionsResult.Skip : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns every rule the options break, each as a message naming the client, the setting, the rule and the value.</summary>
    internal static List<string> Check(string? name, PaymentProviderClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string setting, string rule, object? value) =>
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"PaymentHttp client '{name}': {setting} {rule} (was {value ?? "null"})."));

        if (options.BaseAddress is { } baseAddress
            && (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps)))
        {
            Fail(nameof(options.BaseAddress), "must be an absolute http or https URI", baseAddress);
        }

        var retry = options.Retry;
        if (retry.MaxRetryAttempts is < 0 or > MaxRetryAttemptsLimit)
        {
            Fail("Retry.MaxRetryAttempts", $"must be between 0 and {MaxRetryAttemptsLimit}", retry.MaxRetryAttempts);
        }

        if (retry.MaxDelay <= TimeSpan.Zero || retry.MaxDelay > OneDay)
        {
            Fail("Retry.MaxDelay", "must be more than zero and at most one day", retry.MaxDelay);
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > retry.MaxDelay)
        {
            Fail("Retry.BaseDelay", $"must be between zero and Retry.MaxDelay ({retry.MaxDelay})", retry.BaseDelay);
        }

        CheckTimeout(nameof(options.AttemptTimeout), options.AttemptTimeout, Fail);
        CheckTimeout(nameof(options.TotalTimeout), options.TotalTimeout, Fail);
        if (options.TotalTimeout != Timeout.InfiniteTimeSpan
            && options.AttemptTimeout != Timeout.InfiniteTimeSpan
            && options.TotalTimeout < options.AttemptTimeout)
        {
            Fail(nameof(options.TotalTimeout), $"must not be less than AttemptTimeout ({options.AttemptTimeout})", options.TotalTimeout);
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
            {
                Fail("CircuitBreaker.FailureRatio", "must be more than 0 and at most 1", breaker.FailureRatio);
            }

            if (breaker.MinimumThroughput < 2)
            {
                Fail("CircuitBreaker.MinimumThroughput", "must be 2 or more", breaker.MinimumThroughput);
            }

            if (breaker.SamplingDuration < MinBreakerWindow || breaker.SamplingDuration > OneDay)
            {
                Fail("CircuitBreaker.SamplingDuration", "must be between 0.5 seconds and one day", breaker.SamplingDuration);
            }

            if (breaker.BreakDuration < MinBreakerWindow || breaker.BreakDuration > OneDay)
            {
                Fail("CircuitBreaker.BreakDuration", "must be between 0.5 seconds and one day", breaker.BreakDuration);
            }
        }

        ValidateRateLimit(options.RateLimit, Fail);

        if (options.MaxErrorBodyBytes is < MinErrorBodyBytes or > MaxErrorBodyBytesLimit)
        {
            Fail(nameof(options.MaxErrorBodyBytes), $"must be between {MinErrorBodyBytes} and {MaxErrorBodyBytesLimit}", options.MaxErrorBodyBytes);
        }

        if (options.IdempotencyKeyHeader is { } header && !IsHeaderName(header))
        {
            Fail(nameof(options.IdempotencyKeyHeader), "must be a valid HTTP header name", $"'{header}'");
        }

        foreach (var sensitive in options.SensitiveHeaders)
        {
            if (sensitive is null || !IsHeaderName(sensitive))
            {
                Fail(nameof(options.SensitiveHeaders), "must contain only valid HTTP header names", $"'{sensitive}'");
            }
        }

        foreach (var (code, category) in options.ErrorCodes)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                Fail(nameof(options.ErrorCodes), "must not contain an empty code", $"'{code}'");
            }
            else if (!Enum.IsDefined(category))
            {
                Fail($"ErrorCodes[{code}]", "must be a PaymentErrorCategory", category);
            }
            else if (ProviderCode.Normalize(code) is { } normalized && normalized != code)
            {
                // Provider codes are normalised before lookup ("1.0" arrives as "1"): this key could never match.
                Fail($"ErrorCodes[{code}]", $"must be written as the code is compared, '{normalized}'", $"'{code}'");
            }
        }

        return failures;
    }

    private static void ValidateRateLimit(PaymentRateLimitOptions rateLimit, Action<string, string, object?> fail)
    {
        if (!rateLimit.Enabled)
        {
            return;
        }

        if (rateLimit.PermitsPerPeriod is < 1 or > MaxRatePermits)
        {
            fail("RateLimit.PermitsPerPeriod", $"must be between 1 and {MaxRatePermits}", rateLimit.PermitsPerPeriod);
        }

        if (rateLimit.Period < MinTimeout || rateLimit.Period > OneDay)
        {
            fail("RateLimit.Period", "must be between 10 ms and one day", rateLimit.Period);
        }

        if (rateLimit.Burst is < 1 or > MaxRatePermits)
        {
            fail("RateLimit.Burst", $"must be between 1 and {MaxRatePermits}, or null for RateLimit.PermitsPerPeriod", rateLimit.Burst);
        }

        if (rateLimit.MaxWait < TimeSpan.Zero || rateLimit.MaxWait > OneDay)
        {
            fail("RateLimit.MaxWait", "must be between zero and one day", rateLimit.MaxWait);
        }

        if (rateLimit.Key is { } key && (string.IsNullOrWhiteSpace(key) || key.Length > MaxRateKeyLength))
        {
            fail("RateLimit.Key", $"must be null or a non-blank name of at most {MaxRateKeyLength} characters", $"'{key}'");
        }

        if (rateLimit.MaxPause <= TimeSpan.Zero || rateLimit.MaxPause > OneDay)
        {
            fail("RateLimit.MaxPause", "must be more than zero and at most one day", rateLimit.MaxPause);
        }

        if (rateLimit.DefaultPause <= TimeSpan.Zero || rateLimit.DefaultPause > rateLimit.MaxPause)
        {
            fail("RateLimit.DefaultPause", $"must be more than zero and at most RateLimit.MaxPause ({rateLimit.MaxPause})", rateLimit.DefaultPause);
        }
    }

    private static void CheckTimeout(string setting, TimeSpan value, Action<string, string, object?> fail)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < MinTimeout || value > OneDay))
        {
            fail(setting, "must be between 10 ms and one day, or Timeout.InfiniteTimeSpan", value);
        }
    }

    // RFC 9110 token characters.
    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
