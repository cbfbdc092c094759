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

    /// <summary>
    /// The bounded name of a code a built-in classifier knows (see <see cref="ErrorCodeTable.KnownSpelling"/>), or
    /// <see langword="null"/> for a code it does not know and for every code of a custom classifier: the client
    /// cannot tell a custom classifier's codes from free text, so only the user's <c>ErrorCodes</c> name them.
    /// </summary>
    public static string? KnownCode(PaymentErrorClassifier classifier, string code) => classifier switch
    {
        PlutuClassifier => PlutuClassifier.KnownCode(code),
        PlexyPayClassifier => PlexyPayClassifier.KnownCode(code),
        PaysafeClassifier => PaysafeClassifier.KnownCode(code),
        MakeCommerceClassifier => MakeCommerceClassifier.KnownCode(code),
        PagarStarClassifier => PagarStarClassifier.KnownCode(code),
        _ => null,
    };

    /// <summary>The header that carries the provider's idempotency key, when the provider supports one.</summary>
    public static string? IdempotencyKeyHeaderFor(PaymentProvider provider) => provider switch
    {
        PaymentProvider.PlexyPay => "Idempotency-Key",
        _ => null,
    };
}
