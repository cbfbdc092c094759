using System.Text.Json;

namespace PaymentHttp;

/// <summary>
/// Plutu: <c>{"error":{"status":422,"code":"...","message":"...","fields":{"mobile_number":["..."]}}}</c>.
/// Classified by HTTP status, with a small table of code strings that change the meaning (a refusal is a decline,
/// a duplicate invoice is a conflict). Plutu does not publish its code strings; the table is inferred and meant to
/// be extended through <see cref="PaymentProviderClientOptions.ErrorCodes"/>.
/// </summary>
internal sealed class PlutuClassifier : PaymentErrorClassifier
{
    public static readonly PlutuClassifier Instance = new();

    /// <summary>Code strings that decide over the HTTP status (inferred; see docs/providers.md).</summary>
    internal static readonly ErrorCodeTable Codes = new()
    {
        { "INSUFFICIENT_BALANCE, INSUFFICIENT_FUNDS, LOW_BALANCE, *_BALANCE_NOT_ENOUGH", PaymentErrorCategory.Declined }, // wallet or bank refusal
        { "INVALID_OTP, WRONG_OTP, OTP_EXPIRED, OTP_INVALID", PaymentErrorCategory.Declined },                         // the customer's OTP failed
        { "TRANSACTION_REJECTED, TRANSACTION_DECLINED, ACCOUNT_BLOCKED, ACCOUNT_SUSPENDED", PaymentErrorCategory.Declined },
        { "DUPLICATE_INVOICE, DUPLICATE_INVOICE_NO, INVOICE_ALREADY_EXISTS, DUPLICATE_TRANSACTION", PaymentErrorCategory.Conflict }, // possibly already paid
        { "INVALID_API_KEY, INVALID_ACCESS_TOKEN, ACCESS_TOKEN_EXPIRED, UNAUTHENTICATED", PaymentErrorCategory.Authentication },
        { "PERMISSION_DENIED, FORBIDDEN", PaymentErrorCategory.Authorization },
        { "GATEWAY_NOT_ACTIVE, GATEWAY_DISABLED, SERVICE_NOT_ACTIVATED", PaymentErrorCategory.Configuration },
        { "INVALID_GATEWAY", PaymentErrorCategory.InvalidRequest },
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
        JsonEnvelope.TryRead(response.Body, envelope, ReadTopLevel);
        return envelope.Classify(Codes, response.StatusCode);
    }

    private static void ReadTopLevel(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("error"u8))
        {
            reader.Read();
            JsonEnvelope.ReadObject(ref reader, envelope, ReadError);
        }
        else if (reader.ValueTextEquals("message"u8))
        {
            envelope.Message ??= JsonEnvelope.ReadScalar(ref reader);
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

        if (reader.ValueTextEquals("fields"u8))
        {
            reader.Read();
            JsonEnvelope.ReadObject(ref reader, envelope, ReadField);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    /// <summary>One entry of <c>fields</c>: a field name with a message or a list of messages.</summary>
    private static void ReadField(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (envelope.FieldErrorCount >= JsonEnvelope.MaxListItems)
        {
            JsonEnvelope.SkipValue(ref reader); // past the cap, fields are skipped without being decoded
            return;
        }

        JsonEnvelope.ReadStrings(ref reader, envelope, field: reader.GetString() ?? string.Empty);
    }
}
