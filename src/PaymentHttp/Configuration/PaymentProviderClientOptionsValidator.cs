using System.Globalization;
using Microsoft.Extensions.Options;

namespace PaymentHttp;

/// <summary>
/// Validates <see cref="PaymentProviderClientOptions"/> with messages that name the setting, the allowed range
/// and the value found, so that a bad configuration fails at start-up rather than on the first payment.
/// </summary>
internal sealed class PaymentProviderClientOptionsValidator : IValidateOptions<PaymentProviderClientOptions>
{
    internal const int MaxRetryAttemptsLimit = 100;
    internal const int MinErrorBodyBytes = 1024;
    internal const int MaxErrorBodyBytesLimit = 16 * 1024 * 1024;
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, PaymentProviderClientOptions options)
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
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
