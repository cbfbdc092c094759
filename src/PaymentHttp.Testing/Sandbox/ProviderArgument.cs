namespace PaymentHttp.Testing;

/// <summary>Checks provider arguments of the public API.</summary>
internal static class ProviderArgument
{
    public static void Validate(PaymentProvider provider)
    {
        if (!Enum.IsDefined(provider))
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown payment provider.");
        }
    }
}
