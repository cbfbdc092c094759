using System.Text.Json;

namespace PaymentHttp;

/// <summary>
/// PagarStar PTS: <c>{"code":1000,"message":"...","data":{...}}</c>, with business errors inside HTTP 200.
/// <c>1000</c> means the request was accepted (not that the payment is final: the callback or a query says that);
/// any other code is a failure, classified by the table. The code may arrive as a number or a string.
/// </summary>
internal sealed class PagarStarClassifier : PaymentErrorClassifier
{
    public static readonly PagarStarClassifier Instance = new();

    /// <summary>The code PTS sends for an accepted request.</summary>
    internal static ReadOnlySpan<byte> AcceptedCode => "1000"u8;

    private const string AcceptedCodeText = "1000";

    /// <summary>PTS transaction, upstream and server codes (docs/providers.md §5).</summary>
    internal static readonly ErrorCodeTable Codes = new()
    {
        { "1001, 1020", PaymentErrorCategory.InvalidRequest },                        // request field / request not valid
        { "1002", PaymentErrorCategory.NotFound },                                    // transaction not found
        { "1003", PaymentErrorCategory.Conflict },                                    // duplicate order id
        { "1004", PaymentErrorCategory.Declined },                                    // payment exceeds quota limit
        { "1005, 1006", PaymentErrorCategory.InvalidRequest },                        // withdraw amount too large / too small
        { "1007, 1013, 1014", PaymentErrorCategory.Declined },                        // not enough balance
        { "1008", PaymentErrorCategory.InvalidRequest },                              // currency not supported
        { "1009, 1012, 1016, 1100", PaymentErrorCategory.Authentication },            // unauthorized, token failed/expired, bad account
        { "1010, 1017", PaymentErrorCategory.Authentication },                        // signature check / decryption failed
        { "1011, 1015", PaymentErrorCategory.Configuration },                         // service not supported, currency/channel mismatch
        { "1018", PaymentErrorCategory.Authorization },                               // IP not on whitelist
        { "1019", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // withdraw confirm failed
        { "1021", PaymentErrorCategory.NotFound },                                    // payee not found
        { "4001, 4003", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // upstream request / response check failed
        { "4002", PaymentErrorCategory.Declined },                                    // upstream returned unsuccessful
        { "4004, 4005", PaymentErrorCategory.InvalidRequest },                        // bank not supported, CNAPS code required
        { "8001, 8002", PaymentErrorCategory.Transient, PaymentRetrySafety.Always },  // service / gateway not available
        { "8003, 8004", PaymentErrorCategory.Declined },                              // exceeds / below quota limit
        { "8005, 9000", PaymentErrorCategory.Transient, PaymentRetrySafety.SafeOnly }, // upstream API not ready
        { "8006", PaymentErrorCategory.Configuration },                               // payment return type not supported
        { "8007", PaymentErrorCategory.Authorization },                               // request IP not allowed
        { "8008", PaymentErrorCategory.Transient, PaymentRetrySafety.Always },        // exchange rate not available
        { "8010", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // balance hold failed
        { "8011, 8012", PaymentErrorCategory.Configuration },                         // merchant / admin info not found
        { "8013", PaymentErrorCategory.InvalidRequest },                              // request validation failed
        { "8101-8108", PaymentErrorCategory.Configuration },                          // gateway or upstream not configured, keys missing
        { "9001, 9003, 9005, 9006, 9008", PaymentErrorCategory.Configuration },       // rule invalid, gateway not found, config not ready
        { "9002, 9007, 9009", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // decode failed, gateway request error
        { "9004", PaymentErrorCategory.Transient, PaymentRetrySafety.SafeOnly },      // cannot get user balance
        { "9999", PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly }, // unrecognized server error
    };

    public override bool InspectsSuccessResponses => true;

    public override ProviderError? Classify(in ProviderResponse response)
    {
        if (response.IsSuccessStatusCode)
        {
            // PTS answers every request with its envelope, and the HTTP 200 alone does not say whether the order was
            // created: only a readable code 1000 does. A body that is not an envelope, a code that is missing, null,
            // a boolean, an object or an array, and a body cut off before its code all leave the outcome unknown.
            // The common answer is "accepted": decide it from the code alone, without decoding or allocating.
            if (!JsonEnvelope.TryFindTopLevel(response.Body, "code"u8, out var code, out _) || !JsonEnvelope.IsScalar(ref code))
            {
                return ErrorEnvelope.Unreadable2xx(response.StatusCode, "code");
            }

            if (JsonEnvelope.ValueEquals(ref code, AcceptedCode))
            {
                return null;
            }
        }

        var envelope = new ErrorEnvelope();
        JsonEnvelope.TryRead(response.Body, envelope, ReadTopLevel);
        if (!response.IsSuccessStatusCode)
        {
            return envelope.Classify(Codes, response.StatusCode);
        }

        return envelope.Code switch
        {
            null => ErrorEnvelope.Unreadable2xx(response.StatusCode, "code"), // present but undecodable (invalid UTF-8, lone surrogate)
            AcceptedCodeText => null,                                          // 1000 written another way: 1000.0, 1e3, " 1000 "
            _ => envelope.Classify(Codes, response.StatusCode),
        };
    }

    /// <summary>The name a metric tag may carry for <paramref name="code"/>: a code of the table, or the accepted code.</summary>
    internal static string? KnownCode(string code) =>
        code == AcceptedCodeText ? AcceptedCodeText : Codes.KnownSpelling(code);

    private static void ReadTopLevel(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (JsonEnvelope.TryReadCodeOrMessage(ref reader, envelope))
        {
            return;
        }

        if (reader.ValueTextEquals("msg"u8))
        {
            envelope.Message = JsonEnvelope.ReadScalar(ref reader);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }
}
