using System.Text.Json;

namespace PaymentHttp.IntegrationTests.Sandbox;

/// <summary>Reads what matters out of a provider's raw response body.</summary>
public static class ProviderBodies
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Whether a 2xx body says the payment went through, the way each provider says it.</summary>
    public static bool IsApproved(PaymentProvider provider, JsonElement body) => provider switch
    {
        PaymentProvider.Plutu => Number(body, "status") == 200 && body.TryGetProperty("result", out _),
        PaymentProvider.PlexyPay => Text(body, "status") == "succeeded",
        PaymentProvider.Paysafe => Text(body, "status") == "COMPLETED",
        PaymentProvider.MakeCommerce => Text(body, "status") == "APPROVED",
        PaymentProvider.PagarStar => Number(body, "code") == 1000,
        _ => false,
    };

    /// <summary>The provider's error code as a string, from whichever envelope the body has.</summary>
    public static string? Code(JsonElement body)
    {
        if (body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var nested))
        {
            return nested.ValueKind == JsonValueKind.Number ? nested.GetRawText() : nested.GetString();
        }

        return body.TryGetProperty("code", out var code)
            ? code.ValueKind == JsonValueKind.Number ? code.GetRawText() : code.GetString()
            : null;
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
