using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PaymentHttp;

/// <summary>
/// Paysafe: <c>{"error":{"code":"5068","message":"...","details":[...],"fieldErrors":[{"field","error"}]}, ...}</c>.
/// The code is read from the response header first (<c>x-application-error-code</c> or
/// <c>X-Application-Status-Code</c>, whichever the API sends), then from the body. HTTP 402 is a decline whose body
/// is the whole payment object; a 2xx whose body says <c>"status":"FAILED"</c> or <c>"DECLINED"</c> is a decline too.
/// </summary>
internal sealed class PaysafeClassifier : PaymentErrorClassifier
{
    public static readonly PaysafeClassifier Instance = new();

    private static readonly string[] CodeHeaders = ["x-application-error-code", "X-Application-Status-Code"];

    /// <summary>Paysafe's error codes (docs/providers.md §3).</summary>
    internal static readonly ErrorCodeTable Codes = new()
    {
        { "1000-1008", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // internal error
        { "1200", PaymentErrorCategory.RateLimited },                                      // API call rate exceeded
        { "5000, 5279", PaymentErrorCategory.Authentication },                             // authentication failed, invalid credentials
        { "5017, 5040, 5042", PaymentErrorCategory.Configuration },                        // account disabled / not configured
        { "5270", PaymentErrorCategory.Authorization },                                    // credentials lack permission
        { "5023, 5068, 5109, 5110", PaymentErrorCategory.InvalidRequest },                 // not parseable, invalid fields, fingerprint missing
        { "5269", PaymentErrorCategory.NotFound },                                         // id in the URL not found
        { "5031", PaymentErrorCategory.Conflict },                                         // already processed (duplicate merchantRefNum)
        { "5284, 7505, 7521, 8500", PaymentErrorCategory.Conflict },                       // entity already exists
        { "5100-5108, 5111-5113", PaymentErrorCategory.Declined },                         // 3-D Secure / risk rule refused
        { "3001-3027, 3029-3999", PaymentErrorCategory.Declined },                         // card and issuer declines
        { "3028", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly },      // processor timeout or system error
        { "ALTERNATE-PAYMENTS-INT-4, ALTERNATE-PAYMENTS-GATEWAY-4", PaymentErrorCategory.Declined },
        { "PLAN-SUBSCRIPTION-*", PaymentErrorCategory.Conflict },                          // plan or subscription not modifiable
    };

    public override bool InspectsSuccessResponses => true;

    /// <summary>The name a metric tag may carry for <paramref name="code"/>: a code that matches a rule of the table.</summary>
    internal static string? KnownCode(string code) => Codes.KnownSpelling(code);

    public override ProviderError? Classify(in ProviderResponse response)
    {
        if (response.IsSuccessStatusCode)
        {
            // A 2xx is a failure only when the payment object says so; decide that from "status" alone, without
            // decoding or allocating, because almost every 2xx is a success.
            switch (ReadStatus(response.Body))
            {
                case PaymentStatus.NotFailed:
                    return null;
                case PaymentStatus.Unreadable:
                    return ErrorEnvelope.Unreadable2xx(response.StatusCode, "payment status");
            }
        }

        var envelope = new ErrorEnvelope();
        JsonEnvelope.TryRead(response.Body, envelope, ReadTopLevel);
        envelope.Code = HeaderCode(response.Headers) ?? envelope.Code;
        if (response.IsSuccessStatusCode)
        {
            return Codes.TryGet(envelope.Code, out var rule)
                ? envelope.ToError(rule, response.StatusCode)
                : envelope.ToError(new ErrorCodeRule(PaymentErrorCategory.Declined, PaymentRetrySafety.Never), response.StatusCode);
        }

        return envelope.Classify(Codes, response.StatusCode);
    }

    /// <summary>
    /// What the top-level <c>status</c> of a 2xx body says: <c>FAILED</c> or <c>DECLINED</c> in any case is a
    /// failure; a body that is not a payment object, or a complete one with another status (or a null one), is not;
    /// a body that breaks off before its status, or whose status cannot be decoded or is not a string, cannot say.
    /// </summary>
    private static PaymentStatus ReadStatus(ReadOnlySpan<byte> body)
    {
        if (!JsonEnvelope.TryFindTopLevel(body, "status"u8, out var status, out var broken))
        {
            return broken ? PaymentStatus.Unreadable : PaymentStatus.NotFailed;
        }

        switch (status.TokenType)
        {
            case JsonTokenType.String:
                break;
            case JsonTokenType.Null:
                return PaymentStatus.NotFailed; // "no status", as when the field is absent
            default:
                return PaymentStatus.Unreadable; // a number, boolean, object or array: the deciding field is there but says nothing readable
        }

        Span<byte> text = stackalloc byte[16];
        int length;
        try
        {
            length = status.CopyString(text); // unescapes
        }
        catch (ArgumentException)
        {
            return PaymentStatus.NotFailed; // longer than any status that means failure
        }
        catch (InvalidOperationException)
        {
            return PaymentStatus.Unreadable;
        }

        var value = text[..length];
        if (!Utf8.IsValid(value))
        {
            return PaymentStatus.Unreadable;
        }

        return Ascii.EqualsIgnoreCase(value, "FAILED"u8) || Ascii.EqualsIgnoreCase(value, "DECLINED"u8)
            ? PaymentStatus.Failed
            : PaymentStatus.NotFailed;
    }

    private static string? HeaderCode(HttpResponseHeaders headers)
    {
        foreach (var name in CodeHeaders)
        {
            if (headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    if (ProviderCode.Normalize(value) is { } code)
                    {
                        return code;
                    }
                }
            }
        }

        return null;
    }

    private static void ReadTopLevel(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("error"u8))
        {
            reader.Read();
            JsonEnvelope.ReadObject(ref reader, envelope, ReadError);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    private static void ReadError(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (JsonEnvelope.TryReadCodeOrMessage(ref reader, envelope))
        {
            return;
        }

        if (reader.ValueTextEquals("details"u8))
        {
            JsonEnvelope.ReadStrings(ref reader, envelope, field: null);
        }
        else if (reader.ValueTextEquals("fieldErrors"u8))
        {
            JsonEnvelope.ReadFieldErrorArray(ref reader, envelope, ReadFieldError);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    /// <summary>One entry of <c>fieldErrors</c>: <c>{"field":"...","error":"..."}</c>.</summary>
    private static void ReadFieldError(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        string? field = null;
        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("field"u8))
            {
                field = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = JsonEnvelope.ReadScalar(ref reader);
            }
            else
            {
                JsonEnvelope.SkipValue(ref reader);
            }
        }

        if (field is not null)
        {
            envelope.AddFieldError(field, error ?? "invalid");
        }
    }
}
