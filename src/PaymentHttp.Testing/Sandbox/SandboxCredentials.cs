namespace PaymentHttp.Testing;

/// <summary>
/// The credentials every sandbox accepts. <see cref="ProviderSandbox.CredentialsHandler"/> sends them for you; use the
/// values directly when your own code adds the provider's authentication headers. Anything else gets the provider's
/// authentication error.
/// </summary>
public static class SandboxCredentials
{
    /// <summary>Plutu: the <c>X-API-KEY</c> header.</summary>
    public const string PlutuApiKey = "sandbox-plutu-api-key";

    /// <summary>Plutu: the access token, sent as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string PlutuAccessToken = "sandbox-plutu-access-token";

    /// <summary>PlexyPay: the API key, sent raw as <c>Authorization: &lt;key&gt;</c> (no scheme).</summary>
    public const string PlexyPayApiKey = "sandbox_plexypay_api_key";

    /// <summary>Paysafe: the key id, the user name of <c>Authorization: Basic</c>.</summary>
    public const string PaysafeKeyId = "sandbox-paysafe-key-id";

    /// <summary>Paysafe: the key password, the password of <c>Authorization: Basic</c>.</summary>
    public const string PaysafeKeyPassword = "sandbox-paysafe-key-password";

    /// <summary>MakeCommerce: the shop id, the user name of <c>Authorization: Basic</c>.</summary>
    public const string MakeCommerceShopId = "sandbox-makecommerce-shop-id";

    /// <summary>MakeCommerce: the secret (level 2) key, the password of <c>Authorization: Basic</c>.</summary>
    public const string MakeCommerceSecretKey = "sandbox-makecommerce-secret-key";

    /// <summary>PagarStar: the merchant id, sent in the <c>merchant_id</c> field of the JSON body or in the <see cref="PagarStarMerchantIdHeader"/> header.</summary>
    public const string PagarStarMerchantId = "sandbox-pagarstar-merchant";

    /// <summary>PagarStar: the header that may carry the merchant id instead of the <c>merchant_id</c> body field.</summary>
    public const string PagarStarMerchantIdHeader = "X-Merchant-Id";

    /// <summary>
    /// PagarStar: the merchant safecode, the AES key (32 bytes, AES-256) of encrypted request bodies. Give it to
    /// <c>AddPagarStarEncryption(o =&gt; o.SafeCode = ...)</c>; a <c>text/plain</c> body the sandbox cannot decrypt
    /// with it gets code <c>1017</c>.
    /// </summary>
    public const string PagarStarSafeCode = "sandbox-pagarstar-safecode-00001";

    /// <summary>
    /// PagarStar: the transaction secret that keys <c>X-Transaction-Signature</c> (base64 HMAC-SHA256 of the body as
    /// sent). Give it to <c>AddPagarStarEncryption(o =&gt; o.TransactionSecret = ...)</c>; a signature made with
    /// another secret gets code <c>1010</c>. Requests without the header are not checked.
    /// </summary>
    public const string PagarStarTransactionSecret = "sandbox-pagarstar-transaction-secret";
}
