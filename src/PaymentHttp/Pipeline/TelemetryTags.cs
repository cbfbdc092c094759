namespace PaymentHttp;

/// <summary>
/// The values of PaymentHttp's telemetry tags, each from a bounded set: names of categories and providers, the
/// request method, and the provider codes the client knows. Built here, in the pipeline, because only the client
/// knows which codes are its own; the instruments and names in Diagnostics depend on nothing.
/// </summary>
internal static class TelemetryTags
{
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

    /// <summary>The one <see cref="PaymentHttpTelemetry.CodeTag"/> value of every code the client does not know.</summary>
    public const string OtherCode = "other";

    /// <summary>
    /// The <see cref="PaymentHttpTelemetry.CodeTag"/> value of a provider code. Codes are free text from a body or header, so a tag
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
}
