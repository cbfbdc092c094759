namespace PaymentHttp.WebApi.Credentials;

/// <summary>
/// Reads a provider's credentials from <c>PaymentCredentials:&lt;Name&gt;</c> (user secrets in development, the
/// environment or a vault in production) and adds the handler that puts them on each request. A missing key stops
/// the app at start-up with the key's name — never its value.
/// </summary>
internal static class ProviderCredentials
{
    public static void Add(IHttpClientBuilder client, PaymentProvider provider, IConfigurationSection section)
    {
        switch (provider)
        {
            case PaymentProvider.Plutu:
                var (apiKey, accessToken) = (Required(section, "ApiKey"), Required(section, "AccessToken"));
                client.AddHttpMessageHandler(() => new PlutuCredentialsHandler(apiKey, accessToken));
                break;
            case PaymentProvider.PlexyPay:
                var plexyPayKey = Required(section, "ApiKey");
                client.AddHttpMessageHandler(() => new PlexyPayCredentialsHandler(plexyPayKey));
                break;
            case PaymentProvider.Paysafe:
                var (keyId, keyPassword) = (Required(section, "KeyId"), Required(section, "KeyPassword"));
                client.AddHttpMessageHandler(() => new PaysafeCredentialsHandler(keyId, keyPassword));
                break;
            case PaymentProvider.MakeCommerce:
                var (shopId, secretKey) = (Required(section, "ShopId"), Required(section, "SecretKey"));
                client.AddHttpMessageHandler(() => new MakeCommerceCredentialsHandler(shopId, secretKey));
                break;
            case PaymentProvider.PagarStar:
                var merchantId = Required(section, "MerchantId");
                client.AddHttpMessageHandler(() => new PagarStarCredentialsHandler(merchantId));
                if (!string.IsNullOrEmpty(section["SafeCode"]))
                {
                    // PTS proper takes only encrypted bodies (AES-ECB keyed by the safecode, signed with the secret).
                    client.AddPagarStarEncryption(options =>
                    {
                        options.SafeCode = section["SafeCode"];
                        options.TransactionSecret = section["TransactionSecret"];
                    });
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider.");
        }
    }

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{section.Path}:{key} is required to call the provider (UseSandbox is false). Keep it in user secrets or the environment.");
}
