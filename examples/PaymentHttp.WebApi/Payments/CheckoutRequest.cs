namespace PaymentHttp.WebApi.Payments;

/// <summary>The body of <c>POST /checkout</c>.</summary>
/// <param name="Provider">The provider's name: Plutu, PlexyPay, Paysafe, MakeCommerce or PagarStar.</param>
/// <param name="MerchantReference">Your order or invoice id: the payment's identity at the provider, and how it is looked up later.</param>
/// <param name="Amount">The amount in the currency's major unit (25.00), at most two decimals.</param>
/// <param name="Currency">The ISO 4217 code.</param>
/// <param name="Card">PlexyPay: the card number (in production, a token from your card vault).</param>
public sealed record CheckoutRequest(string? Provider, string? MerchantReference, decimal? Amount, string? Currency, string? Card = null);
