namespace PaymentHttp;

/// <summary>
/// What PaymentHttp knows about each built-in provider: its classifier and its defaults.
/// </summary>
internal static class ProviderCatalog
{
    public static PaymentErrorClassifier ClassifierFor(PaymentProvider provider) => provider switch
    {
        PaymentProvider.Plutu => PlutuClassifier.Instance,
        PaymentProvider.PlexyPay => PlexyPayClassifier.Instance,
        PaymentProvider.Paysafe => PaysafeClassifier.Instance,
        PaymentProvider.MakeCommerce => MakeCommerceClassifier.Instance,
        PaymentProvider.PagarStar => PagarStarClassifier.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown payment provider."),
    };

    /// <summary>The header that carries the provider's idempotency key, when the provider supports one.</summary>
    public static string? IdempotencyKeyHeaderFor(PaymentProvider provider) => provider switch
    {
        PaymentProvider.PlexyPay => "Idempotency-Key",
        _ => null,
    };
}
