using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentHttp;

/// <summary>
/// PaymentHttp's meter and activity source, both named <c>PaymentHttp</c>. The meter reports only what Polly's
/// <c>resilience.polly.*</c> instruments do not: each attempt's classification (category, provider code, outcome).
/// Retries and circuit-breaker transitions are Polly's events and are counted there, once. Instrument and tag
/// names follow the OpenTelemetry semantic-convention style; tags carry only provider, client, category, code and
/// state — never headers, bodies or anything a customer typed.
/// </summary>
internal sealed class PaymentHttpTelemetry : IDisposable
{
    public const string Name = "PaymentHttp";

    public const string ProviderTag = "payment.provider";
    public const string ClientTag = "payment.client.name";
    public const string CategoryTag = "payment.error.category";
    public const string CodeTag = "payment.error.code";
    public const string OutcomeTag = "payment.outcome";
    public const string RetryReasonTag = "payment.retry.reason";
    public const string BreakerStateTag = "payment.circuit_breaker.state";
    public const string AttemptsTag = "payment.attempts";

    /// <summary>The activity source: one activity per logical call, with events for retries and breaker transitions.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, typeof(PaymentHttpTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;

    public PaymentHttpTelemetry(IMeterFactory? meterFactory)
    {
        var version = typeof(PaymentHttpTelemetry).Assembly.GetName().Version?.ToString();
        _meter = meterFactory?.Create(Name, version) ?? new Meter(Name, version);
        Failures = _meter.CreateCounter<long>(
            "paymenthttp.client.failures", "{failure}", "Provider failures classified per HTTP attempt, by provider, category and code.");
        AttemptDuration = _meter.CreateHistogram<double>(
            "paymenthttp.client.attempt.duration", "s", "Duration of each HTTP attempt, by provider and outcome (success or error category).");
    }

    public Counter<long> Failures { get; }

    public Histogram<double> AttemptDuration { get; }

    /// <summary>The lower-case, low-cardinality name of a category, as used in tags.</summary>
    public static string TagValue(PaymentErrorCategory category) => category switch
    {
        PaymentErrorCategory.Declined => "declined",
        PaymentErrorCategory.InvalidRequest => "invalid_request",
        PaymentErrorCategory.Authentication => "authentication",
        PaymentErrorCategory.Authorization => "authorization",
        PaymentErrorCategory.NotFound => "not_found",
        PaymentErrorCategory.Conflict => "conflict",
        PaymentErrorCategory.RateLimited => "rate_limited",
        PaymentErrorCategory.Transient => "transient",
        PaymentErrorCategory.OutcomeUnknown => "outcome_unknown",
        PaymentErrorCategory.Configuration => "configuration",
        _ => "unknown",
    };

    /// <summary>The provider tag: the built-in provider's name, or <c>custom</c>.</summary>
    public static string TagValue(PaymentProvider? provider) => provider switch
    {
        PaymentProvider.Plutu => "plutu",
        PaymentProvider.PlexyPay => "plexypay",
        PaymentProvider.Paysafe => "paysafe",
        PaymentProvider.MakeCommerce => "makecommerce",
        PaymentProvider.PagarStar => "pagarstar",
        _ => "custom",
    };

    /// <summary>Provider codes are free text from a body: cap them so a hostile body cannot inflate tag cardinality.</summary>
    public static string? CodeTagValue(string? code) => code is { Length: > 64 } ? code[..64] : code;

    public void Dispose() => _meter.Dispose();
}
