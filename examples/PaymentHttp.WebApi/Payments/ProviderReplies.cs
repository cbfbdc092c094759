using System.Text.Json;

namespace PaymentHttp.WebApi.Payments;

/// <summary>
/// Reads the provider's answer to a payment or a lookup. Only successes get here: PaymentHttp has turned every
/// failure — including failures inside a 2xx, such as Paysafe's FAILED or PagarStar's codes — into an exception.
/// </summary>
internal static class ProviderReplies
{
    public static async Task<PaymentRecord> ReadPaymentAsync(PaymentProvider provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var json = await ParseAsync(response, cancellationToken);
        var root = json.RootElement;
        return provider switch
        {
            PaymentProvider.Plutu => new PaymentRecord(Text(Property(root, "result"), "transaction_id"), ProviderStatus: null),
            PaymentProvider.PagarStar => Record(Property(root, "data"), "transaction_id"),
            _ => Record(root, "id"),
        };
    }

    /// <summary>The payment a lookup found, or <see langword="null"/> when the provider answered with an empty list.</summary>
    public static async Task<PaymentRecord?> ReadLookupAsync(PaymentProvider provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var json = await ParseAsync(response, cancellationToken);
        var root = json.RootElement;
        return provider switch
        {
            // Plutu, MakeCommerce and PagarStar answer "not found" with an error: PaymentHttp throws ProviderNotFoundException.
            PaymentProvider.Plutu => new PaymentRecord(Text(Property(root, "result"), "transaction_id"), Text(Property(root, "result"), "state")),
            PaymentProvider.MakeCommerce => First(Property(root, "payments")) is { } payment ? Record(payment, "id") : null,
            PaymentProvider.PagarStar => Record(Property(root, "data"), "transaction_id"),

            // PlexyPay and Paysafe answer with a list, empty when nothing matches.
            PaymentProvider.PlexyPay => First(Property(root, "data")) is { } payment ? Record(payment, "id") : null,
            PaymentProvider.Paysafe => First(Property(root, "payments")) is { } payment ? Record(payment, "id") : null,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
    }

    private static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private static PaymentRecord Record(JsonElement payment, string idProperty) => new(Text(payment, idProperty), Text(payment, "status"));

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static JsonElement? First(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0] : null;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
