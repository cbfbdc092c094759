using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PaymentHttp.Testing;

/// <summary>
/// PlexyPay: <c>POST payments</c> (JSON <c>reference</c>, <c>amount</c> in minor units, optional <c>currency</c>,
/// <c>card_number</c>; optional <c>Idempotency-Key</c> header), <c>GET payments?reference=</c> and
/// <c>GET payments/{id}</c>; raw <c>Authorization: &lt;key&gt;</c>. Errors use both documented envelopes:
/// <c>{"error":{"type","code","message","param","decline_code","request_id"}}</c> and
/// <c>{"code","message","source","type"}</c> (service unavailable, internal errors, numeric codes).
/// </summary>
internal sealed class PlexyPaySimulator : ProviderSimulator
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 255;

    private readonly PlexyPayIdempotencyStore _idempotency = new();

    public PlexyPaySimulator(SandboxLedger ledger, TimeProvider time)
        : base(ledger, time)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.PlexyPay;

    public override string PathPrefix => "plexypay";

    /// <summary>Gets <see langword="false"/>: PlexyPay recognises repeats only by <c>Idempotency-Key</c>.</summary>
    protected override bool RejectsDuplicateReferences => false;

    public override bool IsAuthenticated(SandboxRequest request) =>
        string.Equals(request.Header("Authorization")?.Trim(), SandboxCredentials.PlexyPayApiKey, StringComparison.Ordinal);

    public override SandboxResponse AuthenticationFailed(SandboxRequest request) => request.Header("Authorization") is null
        ? Error(401, "authentication_error", "api_key_invalid", "You did not provide an API key in the Authorization header.")
        : Error(401, "authentication_error", "api_key_invalid", "Invalid API key provided.");

    public override SandboxOperation Parse(SandboxRequest request)
    {
        if (request.IsPost && request.PathIs("payments"))
        {
            return ParsePayment(request);
        }

        if (request.IsGet && request.PathIs("payments"))
        {
            return request.Query("reference") is { Length: > 0 } reference
                ? QueryOperation.ByReference(reference)
                : new RejectedOperation(Error(400, "invalid_request_error", "parameter_missing", "Missing required param: reference.", param: "reference"));
        }

        if (request.IsGet && request.Path.Split('/') is ["payments", var id])
        {
            return QueryOperation.ByTransactionId(id);
        }

        return new RejectedOperation(Error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL."));
    }

    public override SandboxResponse Pay(PaymentOperation payment)
    {
        if (payment.IdempotencyKey is not { } key)
        {
            return base.Pay(payment);
        }

        var claim = _idempotency.Claim(key, payment.Fingerprint!);
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.Replay:
                Ledger.RecordDuplicate(Provider, payment.MerchantReference);
                return claim.Response!.WithHeader("Idempotent-Replayed", "true");
            case IdempotencyClaimKind.InUse:
                return Error(409, "idempotency_error", "idempotency_key_in_use", "There is currently another in-progress request using this Idempotency-Key; retry later.");
            case IdempotencyClaimKind.Mismatch:
                return Error(409, "idempotency_error", code: null, "Keys for idempotent requests can only be used with the same parameters they were first used with.");
            default:
                SandboxResponse response;
                try
                {
                    response = base.Pay(payment);
                }
                catch
                {
                    _idempotency.Release(key);
                    throw;
                }

                _idempotency.Complete(key, response);
                return response;
        }
    }

    public override SandboxResponse Query(QueryOperation query)
    {
        if (query.TransactionId is { } id)
        {
            return Ledger.FindTransaction(Provider, id) is { } charge
                ? SandboxResponse.Json(200, Payment(charge))
                : Error(404, "invalid_request_error", "resource_missing", "No such payment: '" + id + "'.", param: "id");
        }

        var data = new JsonArray();
        foreach (var charge in Ledger.ChargesOf(Provider, query.Reference!))
        {
            data.Add(Payment(charge));
        }

        return SandboxResponse.Json(200, new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false });
    }

    public override SandboxResponse TooManyRequests() =>
        Error(429, "rate_limit_error", "rate_limit", "Too many requests hit the API too quickly.");

    public override SandboxResponse Unavailable() => Typed(503, 1, "Service Unavailable", "apiError");

    public override SandboxResponse ServerError() => Typed(500, 2, "Something Went Wrong", "apiError");

    public override SandboxResponse ProviderError(SandboxOperation operation, string code, int? statusCode)
    {
        if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var (status, message, type) = TypedCode(number);
            return Typed(statusCode ?? status, number, message, type);
        }

        var (defaultStatus, errorType) = StripeLikeCode(code);
        return Error(statusCode ?? defaultStatus, errorType, code, "Sandbox provider error " + code + ".");
    }

    protected override string NewTransactionId() => NewId("pay_");

    protected override SandboxResponse? Decline(PaymentOperation payment) => payment.Instrument switch
    {
        SandboxCards.GenericDecline => CardError("card_declined", "Your card was declined.", "generic_decline"),
        SandboxCards.InsufficientFunds => CardError("card_declined", "Your card has insufficient funds.", "insufficient_funds"),
        SandboxCards.ExpiredCard => CardError("expired_card", "Your card has expired.", null),
        SandboxCards.IncorrectCvc => CardError("incorrect_cvc", "Your card's security code is incorrect.", null),
        SandboxCards.ProcessingError => CardError("processing_error", "An error occurred while processing your card. Try again in a little bit.", null),
        _ when SandboxAmounts.TriggerOf(payment.Amount) != DeclineTrigger.None => CardError("card_declined", "Your card was declined.", "generic_decline"),
        _ => null,
    };

    protected override SandboxResponse Approved(PaymentOperation payment, SandboxCharge charge) =>
        SandboxResponse.Json(200, Payment(charge));

    protected override SandboxResponse Duplicate(PaymentOperation payment, SandboxCharge existing) =>
        throw new UnreachableException("PlexyPay does not reject repeated references.");

    private static SandboxOperation ParsePayment(SandboxRequest request)
    {
        var key = request.Header(IdempotencyKeyHeader);
        if (key is not null && (key.Length is 0 or > MaxIdempotencyKeyLength))
        {
            return Invalid("parameter_invalid", "The Idempotency-Key header must be 1 to 255 characters long.", IdempotencyKeyHeader);
        }

        using var document = request.HasJsonBody ? SandboxJson.TryParseObject(request.Body) : null;
        if (document is null)
        {
            return Invalid("parameter_invalid", "The request body must be a JSON object sent as application/json.", null);
        }

        var root = document.RootElement;
        if (SandboxJson.Text(root, "reference") is not { } reference)
        {
            return Invalid("parameter_missing", "Missing required param: reference.", "reference");
        }

        if (!root.TryGetProperty("amount", out _))
        {
            return Invalid("parameter_missing", "Missing required param: amount.", "amount");
        }

        var amount = SandboxJson.Integer(root, "amount");
        if (amount is not > 0)
        {
            return Invalid("parameter_invalid", "Invalid amount: a positive integer in the currency's minor unit is required.", "amount");
        }

        return new PaymentOperation(reference, amount.Value, (SandboxJson.Text(root, "currency") ?? "usd").ToLowerInvariant())
        {
            IdempotencyKey = key,
            Instrument = SandboxJson.Text(root, "card_number"),
            Fingerprint = key is null ? null : Convert.ToHexString(SHA256.HashData(request.Body.Span)),
        };
    }

    private static RejectedOperation Invalid(string code, string message, string? param) =>
        new(Error(400, "invalid_request_error", code, message, param: param));

    private static JsonObject Payment(SandboxCharge charge) => new()
    {
        ["id"] = charge.TransactionId,
        ["object"] = "payment",
        ["amount"] = (long)charge.Amount,
        ["currency"] = charge.Currency,
        ["reference"] = charge.MerchantReference,
        ["status"] = "succeeded",
        ["created"] = charge.ChargedAt.ToUnixTimeSeconds(),
    };

    private static SandboxResponse CardError(string code, string message, string? declineCode) =>
        Error(402, "card_error", code, message, param: "card_number", declineCode: declineCode);

    /// <summary>The newer, Stripe-like envelope, with a request id in the body and the <c>Request-Id</c> header.</summary>
    private static SandboxResponse Error(int status, string type, string? code, string message, string? param = null, string? declineCode = null)
    {
        var requestId = NewId("req_");
        var error = new JsonObject { ["type"] = type };
        if (code is not null)
        {
            error["code"] = code;
        }

        if (declineCode is not null)
        {
            error["decline_code"] = declineCode;
        }

        error["message"] = message;
        if (param is not null)
        {
            error["param"] = param;
        }

        error["request_id"] = requestId;
        return SandboxResponse.Json(status, new JsonObject { ["error"] = error }).WithHeader("Request-Id", requestId);
    }

    /// <summary>The Pay API's typed envelope <c>{"code","message","source","type"}</c>.</summary>
    private static SandboxResponse Typed(int status, int code, string message, string type) =>
        SandboxResponse.Json(status, new JsonObject { ["code"] = code, ["message"] = message, ["source"] = "payments", ["type"] = type });

    private static (int Status, string Message, string Type) TypedCode(int code) => code switch
    {
        1 => (503, "Service Unavailable", "apiError"),
        2 => (500, "Something Went Wrong", "apiError"),
        3 => (400, "Invalid Request Params", "apiError"),
        4 => (404, "Not Found", "apiError"),
        5 => (422, "Unprocessable Entity", "validationError"),
        >= 3001 and <= 3003 => (401, "Missing or malformed API key", "apiError"),
        >= 3004 and <= 3030 => (502, "Connection problem in underlying service", "apiError"),
        _ => (400, "Sandbox provider error " + code.ToString(CultureInfo.InvariantCulture), "apiError"),
    };

    private static (int Status, string Type) StripeLikeCode(string code) => code switch
    {
        "card_declined" or "expired_card" or "incorrect_cvc" or "insufficient_funds" or "processing_error" => (402, "card_error"),
        "parameter_missing" or "parameter_invalid" or "parameter_unknown" => (400, "invalid_request_error"),
        "resource_missing" => (404, "invalid_request_error"),
        "idempotency_key_in_use" => (409, "idempotency_error"),
        "api_key_invalid" or "api_key_expired" or "api_key_revoked" => (401, "authentication_error"),
        "rate_limit" => (429, "rate_limit_error"),
        _ => (500, "api_error"),
    };
}
