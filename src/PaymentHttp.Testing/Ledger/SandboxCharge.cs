using System.Globalization;

namespace PaymentHttp.Testing;

/// <summary>One payment the sandbox charged.</summary>
public sealed class SandboxCharge
{
    internal SandboxCharge(
        PaymentProvider provider,
        string merchantReference,
        string transactionId,
        decimal amount,
        string currency,
        string? idempotencyKey,
        DateTimeOffset chargedAt)
    {
        Provider = provider;
        MerchantReference = merchantReference;
        TransactionId = transactionId;
        Amount = amount;
        Currency = currency;
        IdempotencyKey = idempotencyKey;
        ChargedAt = chargedAt;
    }

    /// <summary>Gets the provider that charged.</summary>
    public PaymentProvider Provider { get; }

    /// <summary>Gets the merchant reference the payment was sent with.</summary>
    public string MerchantReference { get; }

    /// <summary>Gets the id the sandbox gave the transaction, as it appears in the provider's response.</summary>
    public string TransactionId { get; }

    /// <summary>Gets the amount as the request sent it (minor units for PlexyPay and Paysafe, a decimal for the others).</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency code as the request sent it, or the provider's default.</summary>
    public string Currency { get; }

    /// <summary>Gets the idempotency key the request carried (PlexyPay <c>Idempotency-Key</c>), or <see langword="null"/>.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>Gets when the sandbox charged.</summary>
    public DateTimeOffset ChargedAt { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Provider} {MerchantReference}: {Amount} {Currency} ({TransactionId})");
}
