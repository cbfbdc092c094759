namespace PaymentHttp.WebApi.Payments;

/// <summary>A <see cref="CheckoutRequest"/> that passed validation.</summary>
internal sealed record Checkout(PaymentProvider Provider, string MerchantReference, decimal Amount, string Currency, string? Card);
