using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Polly;

namespace PaymentHttp;

/// <summary>
/// Everything one named client needs at run time, read once from its options: the provider, the classifier,
/// the limits, and the resilience pipeline whose circuit breaker is shared by every handler instance the
/// HttpClient factory creates for that name.
/// </summary>
internal sealed class PaymentClientRuntime
{
    public PaymentClientRuntime(
        string name,
        PaymentClientRegistration registration,
        PaymentProviderClientOptions options,
        TimeProvider timeProvider,
        PaymentJitter jitter,
        PaymentHttpTelemetry telemetry,
        ILogger logger,
        PaymentRateBudget? rateBudget = null)
    {
        Name = name;
        Provider = registration.Provider;
        Classifier = registration.Classifier ?? throw new InvalidOperationException($"No payment provider is registered for the HttpClient '{name}'.");
        MaxErrorBodyBytes = options.MaxErrorBodyBytes;
        IdempotencyKeyHeader = options.IdempotencyKeyHeader;
        ErrorCodeOverrides = options.ErrorCodes.Count == 0
            ? null
            : options.ErrorCodes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        MaxRetryAttempts = options.Retry.MaxRetryAttempts;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
        UseJitter = options.Retry.UseJitter;
        AttemptTimeout = options.AttemptTimeout;
        TotalTimeout = options.TotalTimeout;
        TimeProvider = timeProvider;
        Jitter = jitter;
        Telemetry = telemetry;
        Logger = logger;
        ProviderTag = PaymentHttpTelemetry.TagValue(Provider);
        RateGate = options.RateLimit.Enabled
            ? new PaymentRateGate(this, options.RateLimit, rateBudget ?? new LocalPaymentRateBudget(timeProvider))
            : null;
        Pipeline = PaymentPipelineFactory.Create(this, options.CircuitBreaker);
    }

    public string Name { get; }

    public PaymentProvider? Provider { get; }

    public PaymentErrorClassifier Classifier { get; }

    public int MaxErrorBodyBytes { get; }

    public string? IdempotencyKeyHeader { get; }

    /// <summary>Gets the user's error-code meanings, or <see langword="null"/> when there are none (the common case).</summary>
    public FrozenDictionary<string, PaymentErrorCategory>? ErrorCodeOverrides { get; }

    /// <summary>Returns the category the user mapped <paramref name="code"/> to, if any.</summary>
    public PaymentErrorCategory? OverrideFor(string? code) =>
        code is not null && ErrorCodeOverrides is { } overrides && overrides.TryGetValue(code, out var category) ? category : null;

    public int MaxRetryAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public bool UseJitter { get; }

    public TimeSpan AttemptTimeout { get; }

    public TimeSpan TotalTimeout { get; }

    public TimeProvider TimeProvider { get; }

    public PaymentJitter Jitter { get; }

    public PaymentHttpTelemetry Telemetry { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the provider's name as used in logs, metrics and traces.</summary>
    public string ProviderTag { get; }

    /// <summary>Gets the client-side rate gate, or <see langword="null"/> when <c>RateLimit</c> is off.</summary>
    public PaymentRateGate? RateGate { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }
}
