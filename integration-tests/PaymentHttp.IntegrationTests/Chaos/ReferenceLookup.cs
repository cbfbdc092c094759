using System.Text.Json;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// Reconciliation as a caller does it: look the merchant reference up through the same PaymentHttp client and read
/// the transaction ids the provider reports. "Not found" (Plutu 404, MakeCommerce 404 <c>1002</c>, PagarStar
/// <c>1002</c>) and an empty list (PlexyPay, Paysafe) both mean "never charged".
/// </summary>
public static class ReferenceLookup
{
    public static async Task<IReadOnlyList<string>> TransactionIdsAsync(HttpClient client, PaymentProvider provider, string reference, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            using var response = await client.SendAsync(Sandbox.SandboxRequests.Query(provider, reference), cancellationToken);
            body = await Sandbox.ProviderBodies.JsonAsync(response);
        }
        catch (ProviderNotFoundException) when (provider is PaymentProvider.Plutu or PaymentProvider.MakeCommerce or PaymentProvider.PagarStar)
        {
            return [];
        }

        return provider switch
        {
            PaymentProvider.Plutu => [body.GetProperty("result").GetProperty("transaction_id").GetString()!],
            PaymentProvider.PlexyPay => Ids(body.GetProperty("data")),
            PaymentProvider.Paysafe => Ids(body.GetProperty("payments")),
            PaymentProvider.MakeCommerce => Ids(body.GetProperty("payments")),
            PaymentProvider.PagarStar => [body.GetProperty("data").GetProperty("transaction_id").GetString()!],
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>Whether the provider's lookup lists every charge (a list) or only the reference's payment.</summary>
    public static bool ListsEveryCharge(PaymentProvider provider) => provider is PaymentProvider.PlexyPay or PaymentProvider.Paysafe;

    private static string[] Ids(JsonElement list) => [.. list.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
}
