using System.Globalization;
using System.Text.Json.Nodes;
using PaymentHttp.IntegrationTests.Chaos;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// Well-formed bodies in each provider's own shapes (docs/providers.md), for a given status: the starting point that the
/// bad-input generator cuts, mistypes and fuzzes. Codes are drawn from <see cref="ProviderReference.Codes"/>.
/// </summary>
public static class ProviderEnvelopes
{
    public static JsonObject For(PaymentProvider provider, int status, Random random)
    {
        var codes = ProviderReference.Codes(provider);
        var code = codes[random.Next(codes.Count)].Code;
        var success = status is >= 200 and <= 299;
        return provider switch
        {
            PaymentProvider.Plutu => success && random.Next(3) > 0
                ? new JsonObject
                {
                    ["status"] = 200,
                    ["result"] = new JsonObject { ["code"] = 1, ["transaction_id"] = "plt_0123456789", ["amount"] = 25.5 },
                    ["message"] = "The payment was confirmed successfully.",
                }
                : new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["status"] = status,
                        ["code"] = code,
                        ["message"] = "Plutu says no.",
                        ["fields"] = new JsonObject { ["amount"] = new JsonArray("The amount must be a number."), ["invoice_no"] = "required" },
                    },
                },
            PaymentProvider.PlexyPay => (success && random.Next(3) > 0, random.Next(2)) switch
            {
                (true, _) => new JsonObject { ["id"] = "pay_0123456789", ["object"] = "payment", ["amount"] = 2500, ["status"] = "succeeded" },
                (false, 0) => new JsonObject
                {
                    ["code"] = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 2,
                    ["message"] = "Something Went Wrong",
                    ["source"] = "payments",
                    ["type"] = random.Next(4) == 0 ? "validationError" : "apiError",
                },
                _ => new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["type"] = random.Next(2) == 0 ? "card_error" : "invalid_request_error",
                        ["code"] = code,
                        ["decline_code"] = "generic_decline",
                        ["message"] = "Your card was declined.",
                        ["param"] = "card_number",
                        ["request_id"] = "req_0123456789",
                    },
                },
            },
            PaymentProvider.Paysafe => success || status == 402
                ? new JsonObject
                {
                    ["id"] = "4b9c1c5e-0000-4000-8000-000000000000",
                    ["merchantRefNum"] = "bad-ref",
                    ["amount"] = 2500,
                    ["currencyCode"] = "USD",
                    ["status"] = (success ? new[] { "COMPLETED", "FAILED", "DECLINED", "PENDING" } : ["DECLINED", "FAILED"])[random.Next(success ? 4 : 2)],
                    ["error"] = new JsonObject { ["code"] = code, ["message"] = "The payment was declined." },
                }
                : new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["code"] = code,
                        ["message"] = "Field error(s)",
                        ["details"] = new JsonArray("first detail", "second detail"),
                        ["fieldErrors"] = new JsonArray(new JsonObject { ["field"] = "amount", ["error"] = "must be positive" }),
                        ["links"] = new JsonArray(new JsonObject { ["rel"] = "errorinfo", ["href"] = "https://developer.paysafe.com/" }),
                    },
                    ["merchantRefNum"] = "bad-ref",
                },
            PaymentProvider.MakeCommerce => random.Next(3) == 0
                ? new JsonObject
                {
                    ["code"] = status,
                    ["message"] = "Bad Request",
                    ["errors"] = new JsonArray(new JsonObject { ["type"] = "validation", ["parameter"] = "transaction.amount", ["expected"] = "string" }),
                }
                : new JsonObject
                {
                    ["code"] = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var makeCommerceCode) ? makeCommerceCode : 1035,
                    ["message"] = "Payment declined",
                    ["errors"] = new JsonArray(new JsonObject { ["resource"] = "payment", ["field"] = "token", ["type"] = "invalid" }),
                },
            PaymentProvider.PagarStar => new JsonObject
            {
                ["code"] = success && random.Next(2) == 0 ? 1000 : int.Parse(code, CultureInfo.InvariantCulture),
                ["message"] = "PTS answer",
                ["data"] = new JsonObject { ["order_id"] = "bad-ref", ["transaction_id"] = "PTS0123456789", ["amount"] = "25.00", ["status"] = "PROCESSING" },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }
}
