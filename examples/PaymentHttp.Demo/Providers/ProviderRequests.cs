using System.Globalization;
using System.Net.Http.Json;

namespace PaymentHttp.Demo.Providers;

/// <summary>
/// A payment and a lookup by merchant reference, as each provider's API takes them (see the README's sandbox table).
/// PaymentHttp does not build requests: it sits under whatever client code you already have, like this.
/// </summary>
internal static class ProviderRequests
{
    /// <summary>
    /// The amount of an ordinary payment in the unit the provider's API takes: 25.00 is 2500 minor units for PlexyPay
    /// and Paysafe, a decimal for the others.
    /// </summary>
    public static decimal OrdinaryAmount(PaymentProvider provider) =>
        provider is PaymentProvider.PlexyPay or PaymentProvider.Paysafe ? 2500m : 25.00m;

    /// <summary>
    /// A payment. PlexyPay's carries no <c>Idempotency-Key</c> on purpose: with one, PaymentHttp may safely retry a
    /// payment whose answer was lost, and the timeout scenario is about the payments that cannot be retried.
    /// </summary>
    public static HttpRequestMessage Payment(PaymentProvider provider, string reference, decimal amount)
    {
        var text = amount.ToString(CultureInfo.InvariantCulture);
        return provider switch
        {
            PaymentProvider.Plutu => new HttpRequestMessage(HttpMethod.Post, "transaction/edfali/confirm")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["invoice_no"] = reference, ["amount"] = text }),
            },
            PaymentProvider.PlexyPay => Post("payments", new { reference, amount = (long)amount, currency = "usd" }),
            PaymentProvider.Paysafe => Post("paymenthub/v1/payments", new { merchantRefNum = reference, amount = (long)amount, currencyCode = "USD" }),
            PaymentProvider.MakeCommerce => Post("v1/payments", new { reference, amount, currency = "EUR" }),
            PaymentProvider.PagarStar => Post("pay", new { order_id = reference, amount = text, currency = "PHP" }),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
    }

    /// <summary>Looks a payment up by merchant reference: how a caller reconciles after an unknown outcome.</summary>
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

    // Every JSON provider takes application/json; JsonContent sends exactly that (MakeCommerce answers 415 otherwise).
    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
}
