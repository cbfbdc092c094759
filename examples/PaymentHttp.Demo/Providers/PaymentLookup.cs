using System.Text.Json;

namespace PaymentHttp.Demo.Providers;

/// <summary>Reads a provider's answer to <see cref="ProviderRequests.Lookup"/>: how many paid payments carry the reference.</summary>
internal static class PaymentLookup
{
    public static async Task<int> PaidCountAsync(PaymentProvider provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = json.RootElement;
        return provider switch
        {
            // A lookup that finds nothing is a typed ProviderNotFoundException for these three, not a response.
            PaymentProvider.Plutu => Is(root.GetProperty("result"), "state", "paid") ? 1 : 0,
            PaymentProvider.MakeCommerce => Is(root, "status", "COMPLETED") ? 1 : 0,
            PaymentProvider.PagarStar => root.GetProperty("code").GetInt32() == 1000 ? 1 : 0,

            // These two answer with a list, empty when nothing matches.
            PaymentProvider.PlexyPay => root.GetProperty("data").EnumerateArray().Count(payment => Is(payment, "status", "succeeded")),
            PaymentProvider.Paysafe => root.GetProperty("payments").EnumerateArray().Count(payment => Is(payment, "status", "COMPLETED")),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
    }

    private static bool Is(JsonElement element, string property, string value) =>
        element.TryGetProperty(property, out var found) && found.ValueKind == JsonValueKind.String && found.ValueEquals(value);
}
