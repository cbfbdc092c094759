using PaymentHttp.WebApi.Providers;

namespace PaymentHttp.WebApi.Payments;

/// <summary>
/// Checks what this API needs to route a payment. Amount rules — minimum, maximum, which currencies — belong to each
/// provider and change without notice, so they are left to the provider: its field errors come back as 422.
/// </summary>
internal static class CheckoutValidator
{
    private const int MaxReferenceLength = 64;

    public static bool TryValidate(CheckoutRequest request, ConfiguredProviders providers, out Checkout checkout, out Dictionary<string, string[]> errors)
    {
        errors = [];
        TryProvider(request.Provider, providers, errors, out var provider);
        if (string.IsNullOrWhiteSpace(request.MerchantReference) || request.MerchantReference.Length > MaxReferenceLength)
        {
            errors["merchantReference"] = [$"Required, at most {MaxReferenceLength} characters."];
        }

        if (request.Amount is not { } amount)
        {
            errors["amount"] = ["Required."];
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors["amount"] = ["At most two decimals."]; // PlexyPay and Paysafe take whole minor units
        }

        if (request.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetter))
        {
            errors["currency"] = ["Required: a three-letter ISO 4217 code."];
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

        errors["provider"] = [$"Required, one of: {string.Join(", ", providers.All)}."];
        return false;
    }
}
