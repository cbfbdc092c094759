using System.Globalization;
using System.Text.Json;

namespace PaymentHttp;

/// <summary>
/// MakeCommerce (Maksekeskus): <c>{"code":1035,"message":"...","errors":[{"resource","field","type"}]}</c>, and a
/// second shape whose <c>code</c> is the HTTP status, with <c>errors[].parameter</c>. Server errors have no body.
/// </summary>
internal sealed class MakeCommerceClassifier : PaymentErrorClassifier
{
    public static readonly MakeCommerceClassifier Instance = new();

    /// <summary>The business codes of the MakeCommerce API (all sent with HTTP 400).</summary>
    internal static readonly ErrorCodeTable Codes = new()
    {
        { "1001", PaymentErrorCategory.InvalidRequest },              // invalid request
        { "1002", PaymentErrorCategory.NotFound },                    // resource not found
        { "1011, 1012, 1013", PaymentErrorCategory.Configuration },   // shop not active, cards not enabled, OCP/recurring disabled
        { "1021", PaymentErrorCategory.Conflict },                    // transaction in wrong status
        { "1031, 1032", PaymentErrorCategory.Conflict },              // payment in wrong status, cannot make payment
        { "1033, 1034, 1035, 1036", PaymentErrorCategory.Declined },  // card expired, no funds, declined, authorization failed
        { "1041", PaymentErrorCategory.Conflict },                    // cannot be refunded in this status
        { "1042", PaymentErrorCategory.InvalidRequest },              // refund greater than available
        { "1050-1059", PaymentErrorCategory.InvalidRequest },         // customer errors (105x)
        { "1061, 1063, 1064", PaymentErrorCategory.InvalidRequest },  // invalid transaction, token not created, token expired
        { "1062, 1065", PaymentErrorCategory.Conflict },              // transaction conflict, token in wrong status
        { "2003, 2005", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // deposit or refund failed at the acquirer
    };

    /// <summary>The name a metric tag may carry for <paramref name="code"/>: a code that matches a rule of the table.</summary>
    internal static string? KnownCode(string code) => Codes.KnownSpelling(code);

    public override ProviderError? Classify(in ProviderResponse response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var envelope = new ErrorEnvelope();
        JsonEnvelope.TryRead(response.Body, envelope, ReadProperty);

        // In the second shape the code repeats the HTTP status: it is not a business code.
        if (int.TryParse(envelope.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code == (int)response.StatusCode)
        {
            envelope.Code = null;
        }

        return envelope.Classify(Codes, response.StatusCode);
    }

    private static void ReadProperty(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (JsonEnvelope.TryReadCodeOrMessage(ref reader, envelope))
        {
            return;
        }

        if (reader.ValueTextEquals("errors"u8))
        {
            JsonEnvelope.ReadFieldErrorArray(ref reader, envelope, ReadFieldProblem);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    /// <summary>
    /// One entry of <c>errors[]</c>, in either shape: <c>{"resource","field","type"}</c> becomes
    /// <c>resource.field: type</c>, <c>{"type","parameter","expected"}</c> becomes <c>parameter: type: expected …</c>.
    /// </summary>
    private static void ReadFieldProblem(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        string? resource = null, field = null, parameter = null, type = null, expected = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("resource"u8))
            {
                resource = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("field"u8))
            {
                field = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("parameter"u8))
            {
                parameter = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("expected"u8))
            {
                expected = JsonEnvelope.ReadScalar(ref reader);
            }
            else
            {
                JsonEnvelope.SkipValue(ref reader);
            }
        }

        var name = parameter ?? (resource is not null && field is not null ? $"{resource}.{field}" : field ?? resource);
        if (name is not null)
        {
            envelope.AddFieldError(name, expected is null ? type ?? "invalid" : $"{type ?? "invalid"}: expected {expected}");
        }
    }
}
