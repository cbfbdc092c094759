using System.Globalization;
using System.Text.Json.Nodes;

namespace PaymentHttp.Testing;

/// <summary>
/// Paysafe Payments API: <c>POST paymenthub/v1/payments</c> (JSON <c>merchantRefNum</c>, <c>amount</c> in minor
/// units, optional <c>currencyCode</c>, <c>paymentType</c>, <c>paymentHandleToken</c>),
/// <c>GET paymenthub/v1/payments?merchantRefNum=</c> and <c>GET paymenthub/v1/payments/{id}</c>;
/// <c>Authorization: Basic</c>. Errors are <c>{"error":{"code","message","details","fieldErrors"},"merchantRefNum"}</c>
/// with the code also in <c>X-Application-Error-Code</c>; declines are HTTP 402 carrying the whole payment object.
/// </summary>
internal sealed class PaysafeSimulator : ProviderSimulator
{
    private const string ErrorCodeHeader = "X-Application-Error-Code";
    private const string PaymentsPath = "paymenthub/v1/payments";

    public PaysafeSimulator(SandboxLedger ledger, TimeProvider time)
        : base(ledger, time)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Paysafe;

    public override string PathPrefix => "paysafe";

    public override bool IsAuthenticated(SandboxRequest request) =>
        BasicCredentials.Matches(request.Header("Authorization"), SandboxCredentials.PaysafeKeyId, SandboxCredentials.PaysafeKeyPassword);

    public override SandboxResponse AuthenticationFailed(SandboxRequest request) =>
        Error(401, "5279", "Invalid credentials", details: ["The authentication credentials provided with the request are invalid."]);

    public override SandboxOperation Parse(SandboxRequest request)
    {
        if (request.IsPost && request.PathIs(PaymentsPath))
        {
            return ParsePayment(request);
        }

        if (request.IsGet && request.PathIs(PaymentsPath))
        {
            return request.Query("merchantRefNum") is { Length: > 0 } reference
                ? QueryOperation.ByReference(reference)
                : new RejectedOperation(FieldErrors(null, new JsonObject { ["field"] = "merchantRefNum", ["error"] = "may not be null" }));
        }

        if (request.IsGet && request.Path.Split('/') is ["paymenthub", "v1", "payments", var id])
        {
            return QueryOperation.ByTransactionId(id);
        }

        return new RejectedOperation(NotFound());
    }

    public override SandboxResponse Query(QueryOperation query)
    {
        if (query.TransactionId is { } id)
        {
            return Ledger.FindTransaction(Provider, id) is { } charge
                ? SandboxResponse.Json(200, Payment(charge))
                : NotFound();
        }

        var payments = new JsonArray();
        foreach (var charge in Ledger.ChargesOf(Provider, query.Reference!))
        {
            payments.Add(Payment(charge));
        }

        return SandboxResponse.Json(200, new JsonObject { ["payments"] = payments });
    }

    public override SandboxResponse TooManyRequests() => Error(429, "1200", "API call rate exceeded");

    /// <summary>HTTP 503 names no code: none of Paysafe's documented codes means "service unavailable".</summary>
    public override SandboxResponse Unavailable() =>
        SandboxResponse.Json(503, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = "The service is temporarily unavailable.",
                ["details"] = new JsonArray("Retry the request later."),
            },
        });

    public override SandboxResponse ServerError() => Error(500, "1000", "An internal error occurred.");

    public override SandboxResponse ProviderError(SandboxOperation operation, string code, int? statusCode)
    {
        var status = statusCode ?? StatusOf(code);
        var message = "Sandbox provider error " + code + ".";
        return status == 402 && operation is PaymentOperation payment
            ? DeclinedPayment(402, payment, "DECLINED", code, message)
            : Error(status, code, message, reference: operation.Reference);
    }

    protected override string NewTransactionId() => Guid.NewGuid().ToString("D");

    protected override SandboxResponse? Decline(PaymentOperation payment) => SandboxAmounts.TriggerOf(payment.Amount) switch
    {
        DeclineTrigger.Declined => DeclinedPayment(402, payment, "DECLINED", "3009", "Your request has been declined by the issuing bank."),
        DeclineTrigger.DeclinedByGateway => DeclinedPayment(402, payment, "FAILED", "ALTERNATE-PAYMENTS-INT-4", "The payment was declined by the payment gateway."),
        DeclineTrigger.FailedInOkResponse => DeclinedPayment(200, payment, "FAILED", "ALTERNATE-PAYMENTS-GATEWAY-4", "The payment gateway reported the payment as failed."),
        _ => null,
    };

    protected override SandboxResponse Approved(PaymentOperation payment, SandboxCharge charge) =>
        SandboxResponse.Json(200, Payment(charge, payment.Instrument));

    protected override SandboxResponse Duplicate(PaymentOperation payment, SandboxCharge existing) =>
        Error(409, "5031", "The transaction you have submitted has already been processed.", reference: payment.MerchantReference,
            details: ["A payment with this merchantRefNum was already completed."]);

    private static SandboxOperation ParsePayment(SandboxRequest request)
    {
        using var document = request.HasJsonBody ? SandboxJson.TryParseObject(request.Body) : null;
        if (document is null)
        {
            return new RejectedOperation(Error(400, "5023", "The request is not parseable."));
        }

        var root = document.RootElement;
        var reference = SandboxJson.Text(root, "merchantRefNum");
        var amount = SandboxJson.Integer(root, "amount");
        var fieldErrors = new List<JsonNode>();
        if (reference is null)
        {
            fieldErrors.Add(new JsonObject { ["field"] = "merchantRefNum", ["error"] = "may not be null" });
        }

        if (amount is not > 0)
        {
            fieldErrors.Add(new JsonObject { ["field"] = "amount", ["error"] = "must be a positive integer in minor units" });
        }

        if (fieldErrors.Count > 0)
        {
            return new RejectedOperation(FieldErrors(reference, [.. fieldErrors]));
        }

        return new PaymentOperation(reference!, amount!.Value, (SandboxJson.Text(root, "currencyCode") ?? "USD").ToUpperInvariant())
        {
            Instrument = SandboxJson.Text(root, "paymentType") ?? "CARD",
        };
    }

    private static int StatusOf(string code)
    {
        if (code.StartsWith("ALTERNATE-PAYMENTS-", StringComparison.Ordinal))
        {
            return 402;
        }

        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return 400;
        }

        return number switch
        {
            >= 1000 and <= 1008 or 3028 => 500,
            1200 => 429,
            5000 or 5279 => 401,
            5270 => 403,
            5269 => 404,
            5031 or 5284 or 7505 or 7521 or 8500 => 409,
            (>= 5100 and <= 5108) or (>= 5111 and <= 5113) or (>= 3001 and <= 3999) => 402,
            _ => 400,
        };
    }

    private static JsonObject Payment(SandboxCharge charge, string? paymentType = null) => new()
    {
        ["id"] = charge.TransactionId,
        ["merchantRefNum"] = charge.MerchantReference,
        ["amount"] = (long)charge.Amount,
        ["currencyCode"] = charge.Currency,
        ["paymentType"] = paymentType ?? "CARD",
        ["settleWithAuth"] = true,
        ["txnTime"] = Timestamp(charge.ChargedAt),
        ["status"] = "COMPLETED",
    };

    /// <summary>The whole payment object with an embedded error, as Paysafe sends a decline.</summary>
    private SandboxResponse DeclinedPayment(int status, PaymentOperation payment, string paymentStatus, string code, string message)
    {
        var body = new JsonObject
        {
            ["id"] = NewTransactionId(),
            ["merchantRefNum"] = payment.MerchantReference,
            ["amount"] = (long)payment.Amount,
            ["currencyCode"] = payment.Currency,
            ["paymentType"] = payment.Instrument ?? "CARD",
            ["txnTime"] = Timestamp(Time.GetUtcNow()),
            ["status"] = paymentStatus,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        };
        var response = SandboxResponse.Json(status, body);
        return status >= 400 ? response.WithHeader(ErrorCodeHeader, code) : response;
    }

    private static SandboxResponse NotFound() => Error(404, "5269", "The entity with the specified ID could not be found.");

    private static SandboxResponse FieldErrors(string? reference, params JsonNode[] fieldErrors) =>
        Error(400, "5068", "Field error(s)", reference, fieldErrors: fieldErrors);

    private static SandboxResponse Error(int status, string code, string message, string? reference = null, string[]? details = null, JsonNode[]? fieldErrors = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details is not null)
        {
            error["details"] = new JsonArray([.. details.Select(detail => (JsonNode?)detail)]);
        }

        if (fieldErrors is not null)
        {
            error["fieldErrors"] = new JsonArray(fieldErrors);
        }

        var body = new JsonObject { ["error"] = error };
        if (reference is not null)
        {
            body["merchantRefNum"] = reference;
        }

        return SandboxResponse.Json(status, body).WithHeader(ErrorCodeHeader, code);
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
