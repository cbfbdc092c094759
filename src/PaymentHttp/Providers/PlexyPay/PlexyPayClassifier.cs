using System.Collections.Frozen;
using System.Text.Json;

namespace PaymentHttp;

/// <summary>
/// PlexyPay, in both envelopes it is known to send: typed Pay API errors
/// <c>{"code":1,"message":"...","source":"...","type":"apiError"}</c> and Stripe-like
/// <c>{"error":{"type":"card_error","code":"card_declined","decline_code":"...","param":"...","request_id":"..."}}</c>.
/// The shape is detected from the body, not assumed.
/// </summary>
internal sealed class PlexyPayClassifier : PaymentErrorClassifier
{
    public static readonly PlexyPayClassifier Instance = new();

    /// <summary>Envelope A: the Pay API's numeric codes, and legacy codes old merchants still see.</summary>
    internal static readonly ErrorCodeTable TypedCodes = new()
    {
        { "1", PaymentErrorCategory.Transient, PaymentRetrySafety.Always },           // service unavailable, retry later
        { "2", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly },    // something went wrong
        { "3", PaymentErrorCategory.InvalidRequest },                                 // invalid request params
        { "4", PaymentErrorCategory.NotFound },                                       // not found
        { "5", PaymentErrorCategory.InvalidRequest },                                 // unprocessable entity (validationError)
        { "3001-3003", PaymentErrorCategory.Authentication },                         // missing or malformed api key (legacy)
        { "3004-3030", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // underlying service connection problem (legacy)
    };

    /// <summary>Envelope B: <c>type/code</c> when the code refines the type, otherwise <c>type</c>.</summary>
    internal static readonly ErrorCodeTable StripeLikeCodes = new()
    {
        { "card_error", PaymentErrorCategory.Declined },                              // card_declined, expired_card, incorrect_cvc, insufficient_funds, ...
        { "card_error/processing_error", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly },
        { "invalid_request_error", PaymentErrorCategory.InvalidRequest },             // parameter_missing, parameter_invalid, parameter_unknown
        { "invalid_request_error/resource_missing", PaymentErrorCategory.NotFound },
        { "idempotency_error", PaymentErrorCategory.Conflict },                       // idempotency_key_in_use
        { "authentication_error", PaymentErrorCategory.Authentication },              // api_key_invalid, api_key_expired, api_key_revoked
        { "rate_limit_error", PaymentErrorCategory.RateLimited },
        { "api_error", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly },
    };

    /// <summary>
    /// The envelope B codes PlexyPay documents under each type. They do not decide the category (the type does),
    /// but they are codes the client knows, so metric tags carry them by name.
    /// </summary>
    internal static readonly FrozenSet<string> DocumentedStripeLikeCodes = new[]
    {
        "card_declined", "expired_card", "incorrect_cvc", "insufficient_funds", "processing_error",
        "parameter_missing", "parameter_invalid", "parameter_unknown", "resource_missing",
        "idempotency_key_in_use", "api_key_invalid", "api_key_expired", "api_key_revoked",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The name a metric tag may carry for <paramref name="code"/>: a typed code of a table rule, or a documented
    /// envelope B code in the lower case PlexyPay writes it.
    /// </summary>
    internal static string? KnownCode(string code) =>
        TypedCodes.KnownSpelling(code)
        ?? (DocumentedStripeLikeCodes.TryGetValue(code, out var documented) ? documented : null);

    public override ProviderError? Classify(in ProviderResponse response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var envelope = new ErrorEnvelope();
        JsonEnvelope.TryRead(response.Body, envelope, ReadTopLevel);
        return envelope.HasErrorObject ? ClassifyStripeLike(envelope, response) : ClassifyTyped(envelope, response);
    }

    private static ProviderError ClassifyTyped(ErrorEnvelope envelope, in ProviderResponse response)
    {
        if (TypedCodes.TryGet(envelope.Code, out var rule))
        {
            return envelope.ToError(rule, response.StatusCode);
        }

        return envelope.Type == "validationError"
            ? envelope.ToError(new ErrorCodeRule(PaymentErrorCategory.InvalidRequest, PaymentRetrySafety.Never), response.StatusCode)
            : envelope.ByStatus(response.StatusCode);
    }

    private static ProviderError ClassifyStripeLike(ErrorEnvelope envelope, in ProviderResponse response)
    {
        var type = envelope.Type;
        if ((envelope.Code is not null && StripeLikeCodes.TryGet($"{type}/{envelope.Code}", out var rule))
            || StripeLikeCodes.TryGet(type, out rule))
        {
            return envelope.ToError(rule, response.StatusCode);
        }

        return envelope.ByStatus(response.StatusCode);
    }

    private static void ReadTopLevel(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("error"u8))
        {
            reader.Read();
            envelope.HasErrorObject = reader.TokenType == JsonTokenType.StartObject;

            JsonEnvelope.ReadObject(ref reader, envelope, ReadStripeLikeError);
        }
        else if (JsonEnvelope.TryReadCodeOrMessage(ref reader, envelope))
        {
            return;
        }
        else if (reader.ValueTextEquals("type"u8))
        {
            envelope.Type = JsonEnvelope.ReadScalar(ref reader);
        }
        else if (reader.ValueTextEquals("source"u8))
        {
            if (JsonEnvelope.ReadScalar(ref reader) is { } source)
            {
                envelope.AddDetail("source: " + source);
            }
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    private static void ReadStripeLikeError(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (JsonEnvelope.TryReadCodeOrMessage(ref reader, envelope))
        {
            return;
        }

        if (reader.ValueTextEquals("type"u8))
        {
            envelope.Type = JsonEnvelope.ReadScalar(ref reader);
        }
        else if (reader.ValueTextEquals("decline_code"u8))
        {
            envelope.DeclineCode = JsonEnvelope.ReadScalar(ref reader);
        }
        else if (reader.ValueTextEquals("request_id"u8))
        {
            envelope.RequestId = JsonEnvelope.ReadScalar(ref reader);
        }
        else if (reader.ValueTextEquals("param"u8))
        {
            envelope.Param = JsonEnvelope.ReadScalar(ref reader);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }
}
