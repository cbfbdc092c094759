namespace PaymentHttp.Testing;

/// <summary>A request that moves money.</summary>
internal sealed class PaymentOperation : SandboxOperation
{
    public PaymentOperation(string reference, decimal amount, string currency)
        : base(reference)
    {
        MerchantReference = reference;
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the merchant reference (never <see langword="null"/> for a payment).</summary>
    public string MerchantReference { get; }

    public decimal Amount { get; }

    public string Currency { get; }

    /// <summary>Gets the idempotency key the request carried, or <see langword="null"/>.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets the provider-specific means of payment: Plutu gateway, PlexyPay card number, Paysafe payment type, MakeCommerce token.</summary>
    public string? Instrument { get; init; }

    /// <summary>Gets a hash of the request body, to tell a replay from a different request under the same idempotency key.</summary>
    public string? Fingerprint { get; init; }
}
