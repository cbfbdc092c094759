using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaymentHttp.IntegrationTests.Sandbox;

/// <summary>Payment and lookup requests as each provider documents them.</summary>
public static class SandboxRequests
{
    public static readonly PaymentProvider[] Providers = Enum.GetValues<PaymentProvider>();

    public static TheoryData<PaymentProvider> AllProviders() => [.. Providers];

    public static string NewReference() => "ref-" + Guid.NewGuid().ToString("N")[..12];

    public static HttpRequestMessage Payment(PaymentProvider provider, string reference, decimal amount = 25m, string? idempotencyKey = null, string? card = null)
    {
        var number = amount.ToString(CultureInfo.InvariantCulture);
        var request = provider switch
        {
            PaymentProvider.Plutu => new HttpRequestMessage(HttpMethod.Post, "transaction/edfali/confirm")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["invoice_no"] = reference, ["amount"] = number }),
            },
            PaymentProvider.PlexyPay => Json("payments", new Dictionary<string, object?> { ["reference"] = reference, ["amount"] = (long)amount, ["currency"] = "usd", ["card_number"] = card }),
            PaymentProvider.Paysafe => Json("paymenthub/v1/payments", new Dictionary<string, object?> { ["merchantRefNum"] = reference, ["amount"] = (long)amount, ["currencyCode"] = "USD" }),
            PaymentProvider.MakeCommerce => Json("v1/payments", new Dictionary<string, object?> { ["reference"] = reference, ["amount"] = amount, ["currency"] = "EUR" }),
            PaymentProvider.PagarStar => Json("pay", new Dictionary<string, object?> { ["order_id"] = reference, ["amount"] = number, ["currency"] = "PHP" }),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static HttpRequestMessage Query(PaymentProvider provider, string reference)
    {
        var escaped = Uri.EscapeDataString(reference);
        return new HttpRequestMessage(HttpMethod.Get, provider switch
        {
            PaymentProvider.Plutu => "transaction/status?invoice_no=" + escaped,
            PaymentProvider.PlexyPay => "payments?reference=" + escaped,
            PaymentProvider.Paysafe => "paymenthub/v1/payments?merchantRefNum=" + escaped,
            PaymentProvider.MakeCommerce => "v1/transactions/" + escaped,
            PaymentProvider.PagarStar => "query?order_id=" + escaped,
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        });
    }

    private static HttpRequestMessage Json(string path, Dictionary<string, object?> fields)
    {
        var present = fields.Where(field => field.Value is not null).ToDictionary(field => field.Key, field => field.Value);
        return new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(present), Encoding.UTF8, "application/json"),
        };
    }
}
