namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>Which request credentials an echoed form quotes, and so which provider's client sends them.</summary>
public enum CredentialSet
{
    /// <summary>Nothing the request sent, or only the user-named header every client sends: any provider.</summary>
    Any,

    /// <summary>Plutu: <c>X-API-KEY</c> and <c>Authorization: Bearer</c>.</summary>
    PlutuBearer,

    /// <summary>PlexyPay: the raw key in <c>Authorization</c>.</summary>
    PlexyPayRawKey,

    /// <summary>Paysafe: <c>Authorization: Basic base64(keyId:keyPassword)</c>.</summary>
    PaysafeBasic,

    /// <summary>PagarStar: <c>X-Merchant-Id</c>, the safecode and the transaction secret.</summary>
    PagarStarPts,
}
