using PaymentHttp.WebApi.Providers;

namespace PaymentHttp.WebApi.Payments;

/// <summary>
/// Checks what this API needs to route a payment. Amount rules — minimum, maximum, which currencies — belong to each
/// provider and change without notice, so they are left to the provider: its field errors come back as 422.
/// </summary>
internal static class CheckoutValidator
{
    private const int MaxReferenceLength = 64;

    /// <summary>
    /// Validates <paramref name="request"/>, adding to <paramref name="errors"/>; a field that already has an error
    /// (a value of the wrong JSON type, see <see cref="CheckoutBody"/>) keeps it.
    /// </summary>
    public static bool TryValidate(CheckoutRequest request, ConfiguredProviders providers, Dictionary<string, string[]> errors, out Checkout checkout)
    {
        TryProvider(request.Provider, providers, errors, out var provider);
        if (string.IsNullOrWhiteSpace(request.MerchantReference) || request.MerchantReference.Length > MaxReferenceLength)
        {
            errors.TryAdd("merchantReference", [$"Required, at most {MaxReferenceLength} characters."]);
        }

        if (request.Amount is not { } amount)
        {
            errors.TryAdd("amount", ["Required: the amount in major units, for example 25.00."]);
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.TryAdd("amount", ["In major units, with at most two decimals (25.00, not 2500 minor units)."]); // PlexyPay and Paysafe take whole minor units
        }

        if (request.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetter))
        {
            errors.TryAdd("currency", ["Required: a three-letter ISO 4217 code."]);
        }

        checkout = errors.Count == 0
            ? new Checkout(provider, request.MerchantReference!, request.Amount!.Value, request.Currency!.ToUpperInvariant(), request.Card)
            : null!;
        return errors.Count == 0;
    }

    /// <summary>Adds an error for <c>provider</c> unless it names a configured provider.</summary>
    public static bool TryProvider(string? name, ConfiguredProviders providers, Dictionary<string, string[]> errors, out PaymentProvider provider)
    {
        if (providers.TryFind(name, out provider))
        {
            return true;
        }

        errors.TryAdd("provider", [$"Required, one of: {string.Join(", ", providers.All)}."]);
        return false;
    }
}
