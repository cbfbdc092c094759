using System.Globalization;
using System.Text.Json.Nodes;

namespace PaymentHttp.Testing;

/// <summary>
/// PagarStar PTS: <c>POST pay</c> (JSON <c>order_id</c>, <c>amount</c>, optional <c>currency</c>) and the lookup
/// <c>POST query</c> (JSON <c>order_id</c>) or <c>GET query?order_id=</c>; the merchant id in the <c>merchant_id</c>
/// body field (or query parameter) or the <c>X-Merchant-Id</c> header. Bodies come as plain JSON or in the PTS
/// encoding (<see cref="PagarStarBodyReader"/>). Every business answer is HTTP 200
/// <c>{"code":&lt;int&gt;,"message","data"}</c>, in plain JSON, with <c>1000</c> meaning accepted.
/// </summary>
internal sealed class PagarStarSimulator : ProviderSimulator
{
    private static readonly Dictionary<int, string> Messages = new()
    {
        [1000] = "Success",
        [1001] = "Request field not valid",
        [1002] = "Transaction not found",
        [1003] = "Duplicate order id",
        [1004] = "Payment exceeds quota limit",
        [1009] = "Unauthorized",
        [1010] = "Signature check failed",
        [1017] = "Request decryption failed",
        [1018] = "IP not on whitelist",
        [1020] = "Request not valid",
        [4001] = "Upstream request failed",
        [4002] = "Upstream returned unsuccessful",
        [8001] = "Service not available",
        [8002] = "Gateway not available",
        [8005] = "Upstream API not ready",
        [9999] = "Unrecognized server error",
    };

    public PagarStarSimulator(SandboxLedger ledger, TimeProvider time)
        : base(ledger, time)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.PagarStar;

    public override string PathPrefix => "pagarstar";

    public override bool IsAuthenticated(SandboxRequest request)
    {
        var merchantId = request.Header(SandboxCredentials.PagarStarMerchantIdHeader)
            ?? request.Query("merchant_id")
            ?? (request.IsPost ? PagarStarBodyReader.MerchantId(request) : null);
        return string.Equals(merchantId, SandboxCredentials.PagarStarMerchantId, StringComparison.Ordinal);
    }

    public override SandboxResponse AuthenticationFailed(SandboxRequest request) => Code(1009, Messages[1009]);

    public override SandboxOperation Parse(SandboxRequest request)
    {
        if (request.IsGet && request.PathIs("query"))
        {
            return request.Query("order_id") is { Length: > 0 } order
                ? QueryOperation.ByReference(order)
                : new RejectedOperation(Code(1001, "Request field not valid: order_id"));
        }

        if (!request.IsPost || !(request.PathIs("pay") || request.PathIs("query")))
        {
            return new RejectedOperation(Code(1020, Messages[1020], status: 404));
        }

        using var document = PagarStarBodyReader.Read(request, out var rejection);
        if (document is null)
        {
            return new RejectedOperation(rejection!);
        }

        var root = document.RootElement;
        if (SandboxJson.Text(root, "order_id") is not { } orderId)
        {
            return new RejectedOperation(Code(1001, "Request field not valid: order_id"));
        }

        if (request.PathIs("query"))
        {
            return QueryOperation.ByReference(orderId);
        }

        if (SandboxJson.Decimal(root, "amount") is not { } amount || amount <= 0m)
        {
            return new RejectedOperation(Code(1001, "Request field not valid: amount"));
        }

        return new PaymentOperation(orderId, amount, (SandboxJson.Text(root, "currency") ?? "PHP").ToUpperInvariant());
    }

    public override SandboxResponse Query(QueryOperation query)
    {
        var charges = Ledger.ChargesOf(Provider, query.Reference!);
        return charges.Count == 0 ? Code(1002, Messages[1002]) : Accepted(charges[0], "SUCCESS");
    }

    public override SandboxResponse TooManyRequests() => Code(8001, Messages[8001], status: 429);

    public override SandboxResponse Unavailable() => Code(8001, Messages[8001], status: 503);

    public override SandboxResponse ServerError() => Code(9999, Messages[9999], status: 500);

    public override SandboxResponse ProviderError(SandboxOperation operation, string code, int? statusCode)
    {
        var status = statusCode ?? 200;
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return SandboxResponse.Json(status, new JsonObject { ["code"] = code, ["message"] = "Sandbox provider error " + code });
        }

        return Code(number, Messages.GetValueOrDefault(number, "Sandbox provider error " + code), status);
    }

    /// <summary>A PagarStar answer without data: <c>{"code":n,"message":"..."}</c>, HTTP 200 unless stated.</summary>
    internal static SandboxResponse Code(int code, string message, int status = 200) =>
        SandboxResponse.Json(status, new JsonObject { ["code"] = code, ["message"] = message });

    protected override string NewTransactionId() => NewId("PTS");

    protected override SandboxResponse? Decline(PaymentOperation payment) =>
        SandboxAmounts.TriggerOf(payment.Amount) == DeclineTrigger.None ? null : Code(1004, Messages[1004]);

    protected override SandboxResponse Approved(PaymentOperation payment, SandboxCharge charge) => Accepted(charge, "PROCESSING");

    protected override SandboxResponse Duplicate(PaymentOperation payment, SandboxCharge existing) => Code(1003, Messages[1003]);

    private static SandboxResponse Accepted(SandboxCharge charge, string status) =>
        SandboxResponse.Json(200, new JsonObject
        {
            ["code"] = 1000,
            ["message"] = Messages[1000],
            ["data"] = new JsonObject
            {
                ["order_id"] = charge.MerchantReference,
                ["transaction_id"] = charge.TransactionId,
                ["amount"] = charge.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                ["currency"] = charge.Currency,
                ["status"] = status,
            },
        });
}
