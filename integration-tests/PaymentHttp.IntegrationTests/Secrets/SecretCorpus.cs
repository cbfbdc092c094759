using System.Text;

namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>
/// The credentials each test request carries and the forms in which providers echo them (and card data) back.
/// </summary>
public static class SecretCorpus
{
    public const string ShopTokenHeader = "X-Shop-Token";
    public const string ShopToken = "st/8d7c+6b5a=Z9q"; // a user-named header; '/', '+' and '=' also travel percent-encoded
    public const string ShopTokenEncoded = "st%2F8d7c%2B6b5a%3DZ9q";

    public const string PlutuKey = "plk7Hq2Zr9Wm4Xv8Tn3";
    public const string PlutuToken = "eyJhbGciOiJIUzI1NiJ9.eyJtZXJjaGFudCI6Ijc3In0.aGVsbG8tc2lnbmF0dXJl";

    public const string PlexyPayKey = "sk_live_51HqT7aKz9Xw2Yb3Nc4Md";

    public const string PaysafeKeyId = "1001088480";
    public const string PaysafeKeyPassword = "B-qa2-0-5f3b1c9e-0-302c0214";

    public const string PagarStarMerchantId = "merchant-7731-ph";
    public const string PagarStarSafeCode = "k3y0f16bytes-pts";
    public const string PagarStarTransactionSecret = "pts-tx-secret-42-xyz";

    public const string Visa = "4111111111111111";

    public static readonly string PaysafeBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes(PaysafeKeyId + ":" + PaysafeKeyPassword));

    public static IReadOnlyList<EchoedSecret> Forms { get; } =
    [
        // Card numbers, in every way they are written.
        Card("card plain", $"card {Visa} declined", Visa),
        Card("card single spaces", "card 4111 1111 1111 1111 declined", Visa),
        Card("card dashes", "pan 5500-0055-5555-5559 refused", "5500005555555559"),
        Card("card dots", "pan 4111.1111.1111.1111 refused", Visa),
        Card("card plus (form-encoded spaces)", "number=4111+1111+1111+1111&amount=100", Visa),
        Card("card %20 (URL-encoded spaces)", "number=4111%201111%201111%201111&amount=100", Visa),
        Card("card double spaces", "card 4111  1111  1111  1111 declined", Visa),
        Card("card then expiry", "card 4000 0000 0003 1486 12/30 refused", "4000000000031486"),
        Card("card then compact expiry", $"card {Visa} 1230 refused", Visa),
        Card("amex 4-6-5 groups", "amex 3782 822463 10005 declined", "378282246310005"),
        Card("card in JSON", """{"pan":"5500005555555559","amount":100}""", "5500005555555559"),
        Card("card in JSON escaped twice", $$"""{\"card_number\":\"{{Visa}}\"}""", Visa),
        Card("card in URL-encoded JSON", $"%7B%22pan%22%3A%22{Visa}%22%7D", Visa),
        Card("two cards", "cards 4111111111111111 5500005555555559 both refused", "5500005555555559"),
        Card("card with cvv", "number=4111111111111111&cvv=737", Visa, "cvv=737"),
        Any("cvv in JSON", """{"cvv":"737"}""", "\"cvv\":\"737\""),
        Any("cvc in JSON escaped twice", """{\"cvc\":\"9876\"}""", "9876"),

        // Keys and credentials a provider echoes, whoever they belong to.
        Any("sk_live key", "Invalid API Key provided: sk_live_4eC39HqLyjWDarjtT1zdp7dc", "4eC39HqLyjWDarjtT1zdp7dc"),
        Any("pk_live key", "Invalid API key: pk_live_9Zx8Yw7Vu6Ts5Rq4Pp3", "9Zx8Yw7Vu6Ts5Rq4Pp3"),
        Any("sk_test key", "No such API key: sk_test_51Abc2Def3Ghi4Jkl", "51Abc2Def3Ghi4Jkl"),
        Any("api_key URL-encoded", "body was api_key%3Dfk93jd8Hq2Zm%26amount%3D100", "fk93jd8Hq2Zm"),
        Any("api_key JSON escaped twice", """{\"api_key\":\"fk93jd8Hq2Zm\"}""", "fk93jd8Hq2Zm"),
        Any("bare base64 basic credential", "credential dXNlcjpzM2NyM3RQYXNz is invalid", "dXNlcjpzM2NyM3RQYXNz"),
        Any("password", "password=hunter2hunter2 rejected", "hunter2hunter2"),
        Any("client_secret in JSON", """{"client_secret":"cs9f8e7d6c5b4a"}""", "cs9f8e7d6c5b4a"),
        Any("access_token", "access_token=ya29.a0AfH6SMBxQ rejected", "ya29.a0AfH6SMBxQ"),
        Any("foreign bearer header", "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln", "eyJhbGciOiJub25lIn0"),
        Any("named safecode", "safecode=ffeeddccbbaa99887766554433221100", "ffeeddccbbaa99887766554433221100"),
        Any("user-named header", $"shop token {ShopToken} revoked", ShopToken),
        Any("user-named header URL-encoded", $"token%3D{ShopTokenEncoded}%26x%3D1", ShopTokenEncoded, "8d7c%2B6b5a"),

        // The request's own credentials, by value.
        Own("Plutu key after 'provided'", CredentialSet.PlutuBearer, $"Invalid API Key provided: {PlutuKey}", PlutuKey),
        Own("Plutu key bare", CredentialSet.PlutuBearer, $"key {PlutuKey} is not active", PlutuKey),
        Own("Plutu token bare", CredentialSet.PlutuBearer, $"token {PlutuToken} expired", PlutuToken, "eyJtZXJjaGFudCI6Ijc3In0"),
        Own("Plutu header line", CredentialSet.PlutuBearer, $"Authorization: Bearer {PlutuToken}, X-API-KEY: {PlutuKey}", PlutuToken, PlutuKey),
        Own("Plutu key URL-encoded", CredentialSet.PlutuBearer, $"x-api-key%3D{PlutuKey}", PlutuKey),
        Own("PlexyPay key after 'provided'", CredentialSet.PlexyPayRawKey, $"Invalid API Key provided: {PlexyPayKey}", PlexyPayKey, "51HqT7aKz9Xw2Yb3Nc4Md"),
        Own("PlexyPay key bare", CredentialSet.PlexyPayRawKey, $"the key {PlexyPayKey} was revoked", PlexyPayKey, "51HqT7aKz9Xw2Yb3Nc4Md"),
        Own("PlexyPay key JSON escaped twice", CredentialSet.PlexyPayRawKey, $$"""{\"authorization\":\"{{PlexyPayKey}}\"}""", "51HqT7aKz9Xw2Yb3Nc4Md"),
        Own("Paysafe basic header", CredentialSet.PaysafeBasic, $"Authorization: Basic {PaysafeBasic}", PaysafeBasic),
        Own("Paysafe base64 bare", CredentialSet.PaysafeBasic, $"credentials {PaysafeBasic} are not valid", PaysafeBasic),
        Own("Paysafe decoded id:password", CredentialSet.PaysafeBasic, $"user {PaysafeKeyId}:{PaysafeKeyPassword} not found", PaysafeKeyPassword, PaysafeKeyId),
        Own("Paysafe password alone", CredentialSet.PaysafeBasic, $"the password {PaysafeKeyPassword} has expired", PaysafeKeyPassword),
        Own("Paysafe key id alone", CredentialSet.PaysafeBasic, $"merchant {PaysafeKeyId} not allowed from this IP", PaysafeKeyId),
        Own("Paysafe basic URL-encoded", CredentialSet.PaysafeBasic, $"Basic%20{Uri.EscapeDataString(PaysafeBasic)}", PaysafeBasic, Uri.EscapeDataString(PaysafeBasic)),
        Own("PTS safecode", CredentialSet.PagarStarPts, $"decryption failed with key {PagarStarSafeCode}", PagarStarSafeCode),
        Own("PTS transaction secret", CredentialSet.PagarStarPts, $"signature secret {PagarStarTransactionSecret} mismatch", PagarStarTransactionSecret),
        Own("PTS merchant id", CredentialSet.PagarStarPts, $"merchant_id {PagarStarMerchantId} unknown", PagarStarMerchantId),
        Own("PTS safecode with a card", CredentialSet.PagarStarPts, $"card 4111 1111 1111 1111 under {PagarStarSafeCode}", PagarStarSafeCode, "4111 1111 1111 1111"),
    ];

    private static EchoedSecret Card(string name, string echo, string card, params string[] forbidden) =>
        new(name, CredentialSet.Any, echo, [.. forbidden], card);

    private static EchoedSecret Any(string name, string echo, params string[] forbidden) => new(name, CredentialSet.Any, echo, forbidden);

    private static EchoedSecret Own(string name, CredentialSet credentials, string echo, params string[] forbidden) => new(name, credentials, echo, forbidden);
}
