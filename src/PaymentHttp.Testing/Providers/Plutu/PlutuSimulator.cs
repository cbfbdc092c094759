using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace PaymentHttp.Testing;

/// <summary>
/// Plutu: <c>POST transaction/{gateway}/confirm</c> (form encoded <c>invoice_no</c>, <c>amount</c>) and
/// <c>GET transaction/status?invoice_no=</c>; <c>X-API-KEY</c> plus <c>Authorization: Bearer</c>; success
/// <c>{"status":200,"result":{...},"message":"..."}</c>, errors <c>{"error":{"status","code","message","fields"}}</c>.
/// </summary>
internal sealed class PlutuSimulator : ProviderSimulator
{
    private static readonly string[] Gateways = ["sadadapi", "edfali", "localbankcards", "mpgs", "tlync"];

    public PlutuSimulator(SandboxLedger ledger, TimeProvider time)
        : base(ledger, time)
    {
    }

    public override PaymentProvider Provider => PaymentProvider.Plutu;

    public override string PathPrefix => "plutu";

    public override bool IsAuthenticated(SandboxRequest request) =>
        string.Equals(request.Header("X-API-KEY"), SandboxCredentials.PlutuApiKey, StringComparison.Ordinal)
        && AuthenticationHeaderValue.TryParse(request.Header("Authorization"), out var bearer)
        && string.Equals(bearer.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && string.Equals(bearer.Parameter, SandboxCredentials.PlutuAccessToken, StringComparison.Ordinal);

    public override SandboxResponse AuthenticationFailed(SandboxRequest request) =>
        Error(401, "UNAUTHENTICATED", "Unauthenticated: the access token or the API key is invalid.");

    public override SandboxOperation Parse(SandboxRequest request)
    {
        var segments = request.Path.Split('/');
        if (request.IsPost && segments is ["transaction", var gateway, "confirm"] && Array.IndexOf(Gateways, gateway) >= 0)
        {
            return ParseConfirm(request, gateway);
        }

        if (request.IsGet && request.PathIs("transaction/status"))
        {
            return request.Query("invoice_no") is { Length: > 0 } invoice
                ? QueryOperation.ByReference(invoice)
                : Rejected(Validation(new JsonObject { ["invoice_no"] = new JsonArray("The invoice no field is required.") }));
        }

        return Rejected(Error(404, "NOT_FOUND", "The requested resource was not found."));
    }

    public override SandboxResponse Query(QueryOperation query)
    {
        var charges = Ledger.ChargesOf(Provider, query.Reference!);
        if (charges.Count == 0)
        {
            return Error(404, "TRANSACTION_NOT_FOUND", "No transaction was found for this invoice_no.");
        }

        var charge = charges[0];
        return SandboxResponse.Json(200, new JsonObject
        {
            ["status"] = 200,
            ["result"] = new JsonObject
            {
                ["invoice_no"] = charge.MerchantReference,
                ["transaction_id"] = charge.TransactionId,
                ["amount"] = charge.Amount,
                ["currency"] = charge.Currency,
                ["state"] = "paid",
                ["paid_at"] = charge.ChargedAt.ToString("O", CultureInfo.InvariantCulture),
            },
            ["message"] = "Transaction found.",
        });
    }

    public override SandboxResponse TooManyRequests() => Error(429, "TOO_MANY_REQUESTS", "Too many requests.");

    public override SandboxResponse Unavailable() => Error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.");

    public override SandboxResponse ServerError() => Error(500, "SERVER_ERROR", "Server error.");

    public override SandboxResponse ProviderError(SandboxOperation operation, string code, int? statusCode) =>
        Error(statusCode ?? 400, code, "Sandbox provider error " + code + ".");

    protected override string NewTransactionId() => NewId("plt_");

    protected override SandboxResponse? Decline(PaymentOperation payment) =>
        SandboxAmounts.TriggerOf(payment.Amount) == DeclineTrigger.None
            ? null
            : Error(400, "INSUFFICIENT_BALANCE", "The customer's balance is not enough to complete the payment.");

    protected override SandboxResponse Approved(PaymentOperation payment, SandboxCharge charge) =>
        SandboxResponse.Json(200, new JsonObject
        {
            ["status"] = 200,
            ["result"] = new JsonObject
            {
                ["code"] = 1,
                ["transaction_id"] = charge.TransactionId,
                ["invoice_no"] = charge.MerchantReference,
                ["amount"] = charge.Amount,
                ["gateway"] = payment.Instrument,
            },
            ["message"] = "The payment was confirmed successfully.",
        });

    protected override SandboxResponse Duplicate(PaymentOperation payment, SandboxCharge existing) =>
        Error(409, "DUPLICATE_INVOICE_NO", "The invoice_no has already been used for a confirmed payment.");

    private static SandboxOperation ParseConfirm(SandboxRequest request, string gateway)
    {
        var fields = Fields(request);
        var invoice = fields.GetValueOrDefault("invoice_no");
        var amountText = fields.GetValueOrDefault("amount");
        var amount = SandboxJson.ParseDecimal(amountText);
        var errors = new JsonObject();
        if (string.IsNullOrWhiteSpace(invoice))
        {
            errors["invoice_no"] = new JsonArray("The invoice no field is required.");
        }

        if (string.IsNullOrWhiteSpace(amountText))
        {
            errors["amount"] = new JsonArray("The amount field is required.");
        }
        else if (amount is not > 0m)
        {
            errors["amount"] = new JsonArray("The amount must be a number greater than 0.");
        }

        return errors.Count > 0
            ? Rejected(Validation(errors))
            : new PaymentOperation(invoice!, amount!.Value, "LYD") { Instrument = gateway };
    }

    /// <summary>The request's fields: form encoded as Plutu documents it, or a JSON object.</summary>
    private static Dictionary<string, string> Fields(SandboxRequest request)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasJsonBody)
        {
            using var document = SandboxJson.TryParseObject(request.Body);
            if (document is not null)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (SandboxJson.Text(document.RootElement, property.Name) is { } value)
                    {
                        fields[property.Name] = value;
                    }
                }
            }

            return fields;
        }

        foreach (var (name, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body.Span)))
        {
            fields[name] = values.ToString();
        }

        return fields;
    }

    private static RejectedOperation Rejected(SandboxResponse response) => new(response);

    private static SandboxResponse Validation(JsonObject fields) =>
        SandboxResponse.Json(422, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["status"] = 422,
                ["code"] = "VALIDATION_ERROR",
                ["message"] = "The given data was invalid.",
                ["fields"] = fields,
            },
        });

    private static SandboxResponse Error(int status, string code, string message) =>
        SandboxResponse.Json(status, new JsonObject
        {
            ["error"] = new JsonObject { ["status"] = status, ["code"] = code, ["message"] = message },
        });
}
