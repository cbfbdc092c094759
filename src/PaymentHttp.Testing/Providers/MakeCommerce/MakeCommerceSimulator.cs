using System.Globalization;
using System.Text.Json.Nodes;

namespace PaymentHttp.Testing;

/// <summary>
/// MakeCommerce (Maksekeskus): <c>POST v1/payments</c> (JSON <c>reference</c>, <c>amount</c>, optional
/// <c>currency</c>, <c>token</c>), <c>POST v1/transactions/{id}/payments</c> (the transaction id is the merchant
/// reference; the sandbox does not require the transaction to be created first) and <c>GET v1/transactions/{id}</c>;
/// <c>Authorization: Basic base64(shopId:secretKey)</c>; JSON only (415 otherwise). Business errors are HTTP 400
/// <c>{"code":1035,"message","errors":[{"resource","field","type"}]}</c>; validation uses the second shape
/// <c>{"code":400,"message","errors":[{"type","parameter","expected"}]}</c>; server errors have no body.
/// </summary>
internal sealed class MakeCommerceSimulator : ProviderSimulator
{
    private static readonly Dictionary<int, string> Messages = new()
    {
        [1001] = "Invalid request",
        [1002] = "Resource not found",
        [1011] = "Shop not active",
        [1012] = "Card payments not enabled for this shop",
        [1013] = "One-click and recurring payments disabled for this shop",
        [1021] = "Transaction in wrong status",
        [1031] = "Payment in wrong status",
        [1032] = "Cannot make payment: transaction status violation",
        [1033] = "Card expired",
        [1034] = "Not sufficient funds",
        [1035] = "Payment declined",
        [1036] = "Authorization failed",
        [1041] = "Transaction in wrong status, cannot be refunded",
        [1042] = "Refund amount greater than available",
        [1061] = "Invalid transaction",
        [1062] = "Transaction conflict",
        [1063] = "Failed to create payment token",
        [1064] = "Token expired",
        [1065] = "Token in wrong status",
        [2003] = "Unable to deposit payment",
        [2005] = "Unable to refund payment",
    };

    public MakeCommerceSimulator(SandboxLedger ledger, TimeProvider time)
        : base(ledger, time)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.MakeCommerce;

    public override string PathPrefix => "makecommerce";

    public override bool IsAuthenticated(SandboxRequest request) =>
        BasicCredentials.Matches(request.Header("Authorization"), SandboxCredentials.MakeCommerceShopId, SandboxCredentials.MakeCommerceSecretKey);

    public override SandboxResponse AuthenticationFailed(SandboxRequest request) => Status(401, "Unauthorized");

    public override SandboxOperation Parse(SandboxRequest request)
    {
        var segments = request.Path.Split('/');
        if (request.IsPost && (request.PathIs("v1/payments") || segments is ["v1", "transactions", _, "payments"]))
        {
            if (!request.HasJsonBody)
            {
                return new RejectedOperation(Status(415, "Unsupported Media Type"));
            }

            return ParsePayment(request, segments is [_, "transactions", var transaction, _] ? transaction : null);
        }

        if (request.IsGet && segments is ["v1", "transactions", var id])
        {
            return QueryOperation.ByReference(id);
        }

        return new RejectedOperation(Status(404, "Not Found"));
    }

    public override SandboxResponse Query(QueryOperation query)
    {
        var charges = Ledger.ChargesOf(Provider, query.Reference!);
        if (charges.Count == 0)
        {
            return SandboxResponse.Json(404, new JsonObject
            {
                ["code"] = 1002,
                ["message"] = Messages[1002],
                ["errors"] = new JsonArray(new JsonObject { ["resource"] = "transaction", ["field"] = "id", ["type"] = "not_found" }),
            });
        }

        var charge = charges[0];
        return SandboxResponse.Json(200, new JsonObject
        {
            ["id"] = charge.MerchantReference,
            ["reference"] = charge.MerchantReference,
            ["amount"] = charge.Amount,
            ["currency"] = charge.Currency,
            ["status"] = "COMPLETED",
            ["payments"] = new JsonArray(Payment(charge)),
        });
    }

    public override SandboxResponse TooManyRequests() => Status(429, "Too Many Requests");

    public override SandboxResponse Unavailable() => SandboxResponse.Empty(503);

    public override SandboxResponse ServerError() => SandboxResponse.Empty(500);

    public override SandboxResponse ProviderError(SandboxOperation operation, string code, int? statusCode)
    {
        var isNumber = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        var status = statusCode ?? (isNumber && number is >= 400 and <= 599 ? number : 400);
        if (status >= 500)
        {
            return SandboxResponse.Empty(status);
        }

        return SandboxResponse.Json(status, new JsonObject
        {
            ["code"] = isNumber ? JsonValue.Create(number) : JsonValue.Create(code),
            ["message"] = isNumber && Messages.TryGetValue(number, out var message) ? message : "Sandbox provider error " + code,
            ["errors"] = new JsonArray(),
        });
    }

    protected override string NewTransactionId() => Guid.NewGuid().ToString("D");

    protected override SandboxResponse? Decline(PaymentOperation payment) =>
        SandboxAmounts.TriggerOf(payment.Amount) == DeclineTrigger.None ? null : Business(1035, "payment", "token");

    protected override SandboxResponse Approved(PaymentOperation payment, SandboxCharge charge) =>
        SandboxResponse.Json(200, Payment(charge));

    protected override SandboxResponse Duplicate(PaymentOperation payment, SandboxCharge existing) =>
        Business(1032, "transaction", "status");

    private static SandboxOperation ParsePayment(SandboxRequest request, string? transactionId)
    {
        using var document = SandboxJson.TryParseObject(request.Body);
        if (document is null)
        {
            return new RejectedOperation(Validation("body", "object"));
        }

        var root = document.RootElement;
        var reference = transactionId ?? SandboxJson.Text(root, "reference");
        if (reference is null)
        {
            return new RejectedOperation(Validation("reference", "string"));
        }

        if (SandboxJson.Decimal(root, "amount") is not { } amount || amount <= 0m)
        {
            return new RejectedOperation(Validation("amount", "positive number"));
        }

        return new PaymentOperation(reference, amount, (SandboxJson.Text(root, "currency") ?? "EUR").ToUpperInvariant())
        {
            Instrument = SandboxJson.Text(root, "token"),
        };
    }

    private static JsonObject Payment(SandboxCharge charge) => new()
    {
        ["id"] = charge.TransactionId,
        ["transaction"] = new JsonObject { ["id"] = charge.MerchantReference, ["reference"] = charge.MerchantReference },
        ["amount"] = charge.Amount,
        ["currency"] = charge.Currency,
        ["status"] = "APPROVED",
        ["created_at"] = charge.ChargedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
    };

    /// <summary>A business error: HTTP 400 with a four-digit code.</summary>
    private static SandboxResponse Business(int code, string resource, string field) =>
        SandboxResponse.Json(400, new JsonObject
        {
            ["code"] = code,
            ["message"] = Messages[code],
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["field"] = field, ["type"] = "invalid" }),
        });

    /// <summary>The second shape, for request validation: <c>code</c> equals the HTTP status.</summary>
    private static SandboxResponse Validation(string parameter, string expected) =>
        SandboxResponse.Json(400, new JsonObject
        {
            ["code"] = 400,
            ["message"] = "Bad Request",
            ["errors"] = new JsonArray(new JsonObject { ["type"] = "validation", ["parameter"] = parameter, ["expected"] = expected }),
        });

    private static SandboxResponse Status(int status, string message) =>
        SandboxResponse.Json(status, new JsonObject { ["code"] = status, ["message"] = message, ["errors"] = new JsonArray() });
}
