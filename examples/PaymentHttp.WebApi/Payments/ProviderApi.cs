using System.Globalization;

namespace PaymentHttp.WebApi.Payments;

/// <summary>
/// The requests each provider's API takes for a payment and for a lookup by merchant reference. PaymentHttp does not
/// build requests: it sits under request code like this and turns every failure into a typed exception.
/// </summary>
internal static class ProviderApi
{
    public static HttpRequestMessage Payment(Checkout checkout)
    {
        var reference = checkout.MerchantReference;
        var major = checkout.Amount.ToString(CultureInfo.InvariantCulture);
        var minor = (long)(checkout.Amount * 100); // validated to at most two decimals
        var request = checkout.Provider switch
        {
            PaymentProvider.Plutu => new HttpRequestMessage(HttpMethod.Post, "transaction/edfali/confirm")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["invoice_no"] = reference, ["amount"] = major }),
            },
            PaymentProvider.PlexyPay => Json("payments", new { reference, amount = minor, currency = checkout.Currency.ToLowerInvariant(), card_number = checkout.Card }),
            PaymentProvider.Paysafe => Json("paymenthub/v1/payments", new { merchantRefNum = reference, amount = minor, currencyCode = checkout.Currency }),
            PaymentProvider.MakeCommerce => Json("v1/payments", new { reference, amount = checkout.Amount, currency = checkout.Currency }),
            PaymentProvider.PagarStar => Json("pay", new { order_id = reference, amount = major, currency = checkout.Currency }),
            _ => throw new ArgumentOutOfRangeException(nameof(checkout), checkout.Provider, "Unknown provider."),
        };

        if (checkout.Provider == PaymentProvider.PlexyPay)
        {
            // PlexyPay deduplicates by Idempotency-Key, which makes the payment safe to repeat: PaymentHttp may then
            // retry it after a timeout or a 5xx, and PlexyPay answers a repeat with the first result.
            request.Headers.Add("Idempotency-Key", "checkout-" + reference);
        }

        return request;
    }

    public static HttpRequestMessage Lookup(PaymentProvider provider, string reference)
    {
        var escaped = Uri.EscapeDataString(reference);
        return new HttpRequestMessage(HttpMethod.Get, provider switch
        {
            PaymentProvider.Plutu => "transaction/status?invoice_no=" + escaped,
            PaymentProvider.PlexyPay => "payments?reference=" + escaped,
            PaymentProvider.Paysafe => "paymenthub/v1/payments?merchantRefNum=" + escaped,
            PaymentProvider.MakeCommerce => "v1/transactions/" + escaped,
            PaymentProvider.PagarStar => "query?order_id=" + escaped,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        });
    }

    /// <summary>This API's name for a field a provider reports as invalid, so that a 422 speaks the client's language.</summary>
    public static string FieldName(string providerField) => providerField switch
    {
        "invoice_no" or "merchantRefNum" or "reference" or "order_id" => "merchantReference",
        "currencyCode" => "currency",
        "card_number" => "card",
        _ => providerField,
    };

    private static HttpRequestMessage Json(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
}
