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

    public override ProviderError? Classify(in ProviderResponse response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var envelope = new ErrorEnvelope();
        JsonEnvelope.TryRead(response.Body, envelope, ReadProperty);

        // In the second shape the code repeats the HTTP status: it is not a business code.
        if (envelope.Code == ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture))
        {
            envelope.Code = null;
        }

        return envelope.Classify(Codes, response.StatusCode);
    }

    private static void ReadProperty(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("code"u8))
        {
            envelope.Code = JsonEnvelope.ReadScalar(ref reader);
        }
        else if (reader.ValueTextEquals("message"u8))
        {
            envelope.Message = JsonEnvelope.ReadScalar(ref reader);
        }
        else if (reader.ValueTextEquals("errors"u8))
        {
            ReadErrors(ref reader, envelope);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    private static void ReadErrors(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = new FieldProblem();
            JsonEnvelope.ReadObject(ref reader, envelope, (ref Utf8JsonReader r, ErrorEnvelope _) => item.Read(ref r));
            if (item.Describe() is { } described)
            {
                envelope.AddFieldError(described.Field, described.Message);
            }
        }
    }

    /// <summary>One entry of <c>errors[]</c> in either shape.</summary>
    private sealed class FieldProblem
    {
        private string? _resource;
        private string? _field;
        private string? _parameter;
        private string? _type;
        private string? _expected;

        public void Read(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("resource"u8))
            {
                _resource = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("field"u8))
            {
                _field = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("parameter"u8))
            {
                _parameter = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                _type = JsonEnvelope.ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("expected"u8))
            {
                _expected = JsonEnvelope.ReadScalar(ref reader);
            }
            else
            {
                JsonEnvelope.SkipValue(ref reader);
            }
        }

        public (string Field, string Message)? Describe()
        {
            var field = _parameter ?? (_resource is not null && _field is not null ? $"{_resource}.{_field}" : _field ?? _resource);
            if (field is null)
            {
                return null;
            }

            var message = _expected is null ? _type ?? "invalid" : $"{_type ?? "invalid"}: expected {_expected}";
            return (field, message);
        }
    }
}
