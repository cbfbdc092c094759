using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentHttp;

/// <summary>
/// PaymentHttp's meter and activity source, both named <c>PaymentHttp</c>. The meter reports only what Polly's
/// <c>resilience.polly.*</c> instruments do not: each attempt's classification (category, provider code, outcome).
/// Retries and circuit-breaker transitions are Polly's events and are counted there, once. Instrument and tag
/// names follow the OpenTelemetry semantic-convention style; tags carry only provider, client, category, code and
/// state — never headers, bodies or anything a customer typed — and every value comes from a bounded set (see
/// <see cref="CodeTagValue"/>).
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

    /// <summary>
    /// The <c>http.request.method</c> value: a method of RFC 9110 or PATCH by name, any other <c>_OTHER</c> (the
    /// OpenTelemetry convention), so that a method made up at run time cannot grow the set of values.
    /// </summary>
    public static string MethodTagValue(HttpMethod method) => method.Method switch
    {
        "GET" or "POST" or "PUT" or "DELETE" or "PATCH" or "HEAD" or "OPTIONS" or "TRACE" or "CONNECT" => method.Method,
        _ => "_OTHER",
    };

    /// <summary>The one <see cref="CodeTag"/> value of every code the client does not know.</summary>
    public const string OtherCode = "other";

    /// <summary>
    /// The <see cref="CodeTag"/> value of a provider code. Codes are free text from a body or header, so a tag
    /// carries only codes the client knows: an entry of the user's <c>ErrorCodes</c> (as the user wrote it), or a
    /// code that matches a rule of the built-in provider's table (as the table writes it; a pattern rule gives the
    /// pattern). Any other code is <see cref="OtherCode"/>, so the number of values is bounded by configuration
    /// and tables, never by what a provider sends. The same value goes on metrics, activity tags and events.
    /// </summary>
    public static string? CodeTagValue(string? code, PaymentClientRuntime client)
    {
        if (code is null)
        {
            return null;
        }

        var known = ConfiguredSpelling(client, code) ?? ProviderCatalog.KnownCode(client.Classifier, code);
        return known switch
        {
            null => OtherCode,
            { Length: > 64 } => known[..64],
            _ => known,
        };
    }

    /// <summary>The user's own spelling of an <c>ErrorCodes</c> entry, so that case variants of a code are one value.</summary>
    private static string? ConfiguredSpelling(PaymentClientRuntime client, string code)
    {
        if (client.Settings.ErrorCodeOverrides is not { } overrides || !overrides.ContainsKey(code))
        {
            return null;
        }

        foreach (var configured in overrides.Keys)
        {
            if (string.Equals(configured, code, StringComparison.OrdinalIgnoreCase))
            {
                return configured;
            }
        }

        return null;
    }

    public void Dispose() => _meter.Dispose();
}
