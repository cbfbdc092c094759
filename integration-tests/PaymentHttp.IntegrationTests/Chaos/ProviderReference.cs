using PaymentHttp.Testing;
using static PaymentHttp.PaymentErrorCategory;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// The chaos run's independent expectation of each provider's answers, written from docs/providers.md and the sandbox's
/// documented envelopes — not from the library's tables — so that a classifier that drifts from the reference shows
/// up as a mismatch.
/// </summary>
public static class ProviderReference
{
    private static readonly Dictionary<PaymentProvider, ProviderCodeCase[]> CodesByProvider = new()
    {
        [PaymentProvider.Plutu] =
        [
            new("INSUFFICIENT_BALANCE", AttemptVerdict.Final(Declined)),
            new("OTP_EXPIRED", AttemptVerdict.Final(Declined)),
            new("TRANSACTION_REJECTED", AttemptVerdict.Final(Declined)),
            new("INVALID_GATEWAY", AttemptVerdict.Final(InvalidRequest)),
            new("GATEWAY_DISABLED", AttemptVerdict.Final(Configuration)),
            new("DUPLICATE_INVOICE_NO", AttemptVerdict.Final(Conflict)),
            new("WALLET_LOCKED", AttemptVerdict.Final(InvalidRequest)), // unknown code in a 400: the status decides
        ],
        [PaymentProvider.PlexyPay] =
        [
            new("1", AttemptVerdict.Always(Transient)),
            new("2", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("3", AttemptVerdict.Final(InvalidRequest)),
            new("4", AttemptVerdict.Final(NotFound)),
            new("5", AttemptVerdict.Final(InvalidRequest)),
            new("3001", AttemptVerdict.Final(Authentication)),
            new("3004", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("card_declined", AttemptVerdict.Final(Declined)),
            new("insufficient_funds", AttemptVerdict.Final(Declined)),
            new("processing_error", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("resource_missing", AttemptVerdict.Final(NotFound)),
            new("idempotency_key_in_use", AttemptVerdict.Final(Conflict)),
            new("api_key_invalid", AttemptVerdict.Final(Authentication)),
            new("rate_limit", AttemptVerdict.Always(RateLimited)),
        ],
        [PaymentProvider.Paysafe] =
        [
            new("1000", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("1200", AttemptVerdict.Always(RateLimited)),
            new("3009", AttemptVerdict.Final(Declined)),
            new("3022", AttemptVerdict.Final(Declined)),
            new("3028", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("5000", AttemptVerdict.Final(Authentication)),
            new("5017", AttemptVerdict.Final(Configuration)),
            new("5068", AttemptVerdict.Final(InvalidRequest)),
            new("5100", AttemptVerdict.Final(Declined)),
            new("5269", AttemptVerdict.Final(NotFound)),
            new("5270", AttemptVerdict.Final(Authorization)),
            new("5031", AttemptVerdict.Final(Conflict)),
            new("ALTERNATE-PAYMENTS-INT-4", AttemptVerdict.Final(Declined)),
            new("PLAN-SUBSCRIPTION-7", AttemptVerdict.Final(Conflict)),
        ],
        [PaymentProvider.MakeCommerce] =
        [
            new("1001", AttemptVerdict.Final(InvalidRequest)),
            new("1002", AttemptVerdict.Final(NotFound)),
            new("1011", AttemptVerdict.Final(Configuration)),
            new("1021", AttemptVerdict.Final(Conflict)),
            new("1032", AttemptVerdict.Final(Conflict)),
            new("1034", AttemptVerdict.Final(Declined)),
            new("1035", AttemptVerdict.Final(Declined)),
            new("1042", AttemptVerdict.Final(InvalidRequest)),
            new("1055", AttemptVerdict.Final(InvalidRequest)),
            new("2003", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("2005", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("409", AttemptVerdict.Final(Conflict)),                  // the second shape: the code repeats the status
            new("502", AttemptVerdict.SafeOnly(OutcomeUnknown)),         // a server error: no body
        ],
        [PaymentProvider.PagarStar] =
        [
            new("1001", AttemptVerdict.Final(InvalidRequest)),
            new("1002", AttemptVerdict.Final(NotFound)),
            new("1003", AttemptVerdict.Final(Conflict)),
            new("1004", AttemptVerdict.Final(Declined)),
            new("1007", AttemptVerdict.Final(Declined)),
            new("1009", AttemptVerdict.Final(Authentication)),
            new("1011", AttemptVerdict.Final(Configuration)),
            new("1018", AttemptVerdict.Final(Authorization)),
            new("1019", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("4001", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("8001", AttemptVerdict.Always(Transient)),
            new("8002", AttemptVerdict.Always(Transient)),
            new("8005", AttemptVerdict.SafeOnly(Transient)),
            new("9004", AttemptVerdict.SafeOnly(Transient)),
            new("9999", AttemptVerdict.SafeOnly(OutcomeUnknown)),
            new("7777", AttemptVerdict.Final(Unknown)),                  // unknown code inside HTTP 200: nothing decides
        ],
    };

    public static IReadOnlyList<ProviderCodeCase> Codes(PaymentProvider provider) => CodesByProvider[provider];

    /// <summary>Whether a second payment for a charged reference is refused (all but PlexyPay, which charges again).</summary>
    public static bool RejectsDuplicates(PaymentProvider provider) => provider != PaymentProvider.PlexyPay;

    /// <summary>Whether a 2xx says nothing by itself and its body decides (Paysafe <c>status</c>, PTS <c>code</c>).</summary>
    public static bool DecidesSuccessInsideTheBody(PaymentProvider provider) =>
        provider is PaymentProvider.Paysafe or PaymentProvider.PagarStar;

    /// <summary>HTTP 429 in the provider's envelope. PagarStar sends its "service not available" code 8001 in it, and the code wins.</summary>
    public static AttemptVerdict TooManyRequests(PaymentProvider provider, TimeSpan? retryAfter) => (provider switch
    {
        PaymentProvider.PagarStar => AttemptVerdict.Always(Transient),
        _ => AttemptVerdict.Always(RateLimited),
    }).WithRetryAfter(retryAfter);

    /// <summary>HTTP 503. PlexyPay (code 1) and PagarStar (8001) say the service is unavailable: the provider did not act.</summary>
    public static AttemptVerdict ServiceUnavailable(PaymentProvider provider) => provider switch
    {
        PaymentProvider.PlexyPay or PaymentProvider.PagarStar => AttemptVerdict.Always(Transient),
        _ => AttemptVerdict.SafeOnly(Transient),
    };

    /// <summary>HTTP 500 after charging, in every provider's envelope: the payment may have gone through.</summary>
    public static AttemptVerdict ServerError(PaymentProvider provider) => AttemptVerdict.SafeOnly(OutcomeUnknown);

    /// <summary>
    /// 303 See Other to a payment (unsafe): the provider acted and points to the result — OutcomeUnknown, never
    /// retried, whatever the request's idempotency. Classified by PaymentHttp itself, the same for every provider.
    /// </summary>
    public static AttemptVerdict SeeOther { get; } = AttemptVerdict.Final(OutcomeUnknown);

    /// <summary>301, 302, 307 or 308 to a payment: the endpoint is elsewhere and nothing was done — a configuration error, never retried.</summary>
    public static AttemptVerdict Moved { get; } = AttemptVerdict.Final(Configuration);

    public static ProcessedAnswer Approved(PaymentProvider provider) =>
        new(200, AttemptVerdict.Success, AttemptVerdict.Success, Charged: true);

    /// <summary>The answer to a reference that is already charged.</summary>
    public static ProcessedAnswer Duplicate(PaymentProvider provider) => provider switch
    {
        PaymentProvider.Plutu => new(409, AttemptVerdict.Final(Conflict), StatusAlone(409), false),
        PaymentProvider.Paysafe => new(409, AttemptVerdict.Final(Conflict), AttemptVerdict.Final(Conflict), false), // code also in a header
        PaymentProvider.MakeCommerce => new(400, AttemptVerdict.Final(Conflict), StatusAlone(400), false),
        PaymentProvider.PagarStar => new(200, AttemptVerdict.Final(Conflict), StatusAlone(200), false),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "PlexyPay does not reject repeated references."),
    };

    /// <summary>The decline the payment's amount or test card asks for, or <see langword="null"/> when it is approved.</summary>
    public static ProcessedAnswer? Decline(ChaosPayment payment)
    {
        if (payment.Provider == PaymentProvider.PlexyPay)
        {
            return payment.Card switch
            {
                SandboxCards.ProcessingError => new(402, AttemptVerdict.SafeOnly(OutcomeUnknown), StatusAlone(402), false),
                SandboxCards.GenericDecline or SandboxCards.InsufficientFunds or SandboxCards.ExpiredCard or SandboxCards.IncorrectCvc
                    => new(402, AttemptVerdict.Final(Declined), StatusAlone(402), false),
                _ when IsDeclineAmount(payment.Amount) => new(402, AttemptVerdict.Final(Declined), StatusAlone(402), false),
                _ => null,
            };
        }

        if (!IsDeclineAmount(payment.Amount))
        {
            return null;
        }

        return payment.Provider switch
        {
            PaymentProvider.Plutu => new(400, AttemptVerdict.Final(Declined), StatusAlone(400), false),
            PaymentProvider.Paysafe when payment.Amount == SandboxAmounts.FailedInOkResponse
                => new(200, AttemptVerdict.Final(Declined), StatusAlone(200), false),
            PaymentProvider.Paysafe => new(402, AttemptVerdict.Final(Declined), AttemptVerdict.Final(Declined), false), // code also in a header
            PaymentProvider.MakeCommerce => new(400, AttemptVerdict.Final(Declined), StatusAlone(400), false),
            PaymentProvider.PagarStar => new(200, AttemptVerdict.Final(Declined), StatusAlone(200), false),
            _ => throw new ArgumentOutOfRangeException(nameof(payment)),
        };
    }

    /// <summary>
    /// The shared HTTP-status table of docs/providers.md, for an answer whose body was cut before its code. A 2xx then
    /// reads as a success whose body the caller cannot parse.
    /// </summary>
    public static AttemptVerdict StatusAlone(int status) => status switch
    {
        >= 200 and <= 299 => AttemptVerdict.SuccessWithUnreadableBody,
        400 or 415 or 422 => AttemptVerdict.Final(InvalidRequest),
        401 => AttemptVerdict.Final(Authentication),
        402 => AttemptVerdict.Final(Declined),
        403 => AttemptVerdict.Final(Authorization),
        404 => AttemptVerdict.Final(NotFound),
        408 => AttemptVerdict.SafeOnly(Transient),
        409 => AttemptVerdict.Final(Conflict),
        429 => AttemptVerdict.Always(RateLimited),
        503 => AttemptVerdict.SafeOnly(Transient),
        >= 500 and <= 599 => AttemptVerdict.SafeOnly(OutcomeUnknown),
        _ => AttemptVerdict.Final(Unknown),
    };

    private static bool IsDeclineAmount(decimal amount) =>
        amount is SandboxAmounts.Declined or SandboxAmounts.DeclinedByGateway or SandboxAmounts.FailedInOkResponse;
}
