namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>The named clients of the chaos run: one per provider, and a second PagarStar client that sends the PTS encoding.</summary>
public static class ChaosClientNames
{
    public const string PagarStarEncrypted = "chaos-pagarstar-pts";

    public static string For(PaymentProvider provider) => "chaos-" + provider.ToString().ToLowerInvariant();

    public static IReadOnlyList<(string Name, PaymentProvider Provider, bool Encrypted)> All { get; } =
    [
        .. Enum.GetValues<PaymentProvider>().Select(provider => (For(provider), provider, false)),
        (PagarStarEncrypted, PaymentProvider.PagarStar, true),
    ];
}
