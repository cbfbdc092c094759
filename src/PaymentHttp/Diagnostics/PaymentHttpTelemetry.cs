using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentHttp;

/// <summary>
/// PaymentHttp's meter and activity source, both named <c>PaymentHttp</c>. The meter reports only what Polly's
/// <c>resilience.polly.*</c> instruments do not: each attempt's classification (category, provider code, outcome).
/// Retries and circuit-breaker transitions are Polly's events and are counted there, once. Instrument and tag
/// names follow the OpenTelemetry semantic-convention style; tags carry only provider, client, category, code and
/// state — never headers, bodies or anything a customer typed — and every value comes from a bounded set (see
/// <see cref="TelemetryTags"/>).
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

    public void Dispose() => _meter.Dispose();
}
