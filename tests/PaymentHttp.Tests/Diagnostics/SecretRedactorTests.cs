namespace PaymentHttp.Tests.Diagnostics;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Card 4111111111111111 declined", "Card [card ****1111] declined")]
    [InlineData("card 4111 1111 1111 1111 refused", "card [card ****1111] refused")]
    [InlineData("pan=5500-0000-0000-0004;", "pan=[card ****0004];")]
    [InlineData("amex 378282246310005.", "amex [card ****0005].")]
    [InlineData("19 digits 6011000990139424000 end", "19 digits 6011000990139424000 end")] // fails Luhn: kept
    public void Redact_CardNumbersPassingLuhn_KeepOnlyLastFour(string text, string expected)
    {
        SecretRedactor.Redact(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("order 1234567812345678 failed")] // 16 digits that fail Luhn: an id, not a card
    [InlineData("merchantRefNum 20261121120000 duplicated")] // 14 digits, Luhn-invalid
    [InlineData("amount 100.00 EUR")]
    public void Redact_NumbersThatAreNotCards_AreKept(string text)
    {
        SecretRedactor.Redact(text).ShouldBe(text);
    }

    [Theory]
    [InlineData("""{"cvv":"123"}""", """{"cvv":"***"}""")]
    [InlineData("cvc2=9876 invalid", "cvc2=*** invalid")]
    [InlineData("security code: 123", "security code: ***")]
    public void Redact_SecurityCodes(string text, string expected)
    {
        SecretRedactor.Redact(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("basic dXNlcjpwYXNzd29yZA== rejected", "dXNlcjpwYXNzd29yZA==")]
    [InlineData("X-API-KEY: live_key_123 invalid", "live_key_123")]
    [InlineData("""{"safecode":"0123456789abcdef"}""", "0123456789abcdef")]
    [InlineData("api_key=sk_live_42&x=1", "sk_live_42")]
    [InlineData("password = hunter2!", "hunter2!")]
    public void Redact_Credentials_AreRemoved(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);

        redacted.ShouldNotContain(secret);
        redacted.ShouldContain("[REDACTED]");
    }

    [Theory]
    [InlineData("Transaction declined by the Gateway Error")]
    [InlineData("HTTP 400 (BadRequest), code 1035: Payment declined")]
    [InlineData("merchantRefNum order-2024-11-000123 already processed")]
    public void Redact_OrdinaryProviderText_ReturnsTheSameInstance(string text)
    {
        SecretRedactor.Redact(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Redact_BasicInProse_IsNotACredential()
    {
        SecretRedactor.Redact("basic validation failed").ShouldBe("basic validation failed");
    }

    [Theory]
    [InlineData("card 4111+1111+1111+1111 refused")]
    [InlineData("card=4111%201111%201111%201111&x=1")]
    [InlineData("card 4111.1111.1111.1111 refused")]
    [InlineData("card 4111  1111  1111  1111 refused")]
    [InlineData("card 4111 - 1111 - 1111 - 1111 refused")]
    [InlineData("card 4111 1111 1111 1111 12/30 refused")]
    [InlineData("card 4111111111111111 1230 refused")]
    [InlineData("card%204111111111111111 refused")]
    [InlineData("cards 4111111111111111 5500005555555559 refused")]
    public void Redact_CardNumbersInEverySeparatorForm_KeepOnlyLastFour(string text)
    {
        var redacted = SecretRedactor.Redact(text);

        Digits(redacted).ShouldNotContain("41111111");
        Digits(redacted).ShouldNotContain("55000055");
        redacted.ShouldContain("[card ****");
    }

    [Fact]
    public void Redact_CardFollowedByExpiry_KeepsTheExpiryAndTheRest()
    {
        SecretRedactor.Redact("card 4111 1111 1111 1111 12/30 refused").ShouldBe("card [card ****1111] 12/30 refused");
    }

    [Theory]
    [InlineData("Invalid API Key provided: sk_live_51HqT7aKz9Xw2Yb3", "51HqT7aKz9Xw2Yb3")]
    [InlineData("Invalid API key: pk_live_9Zx8Yw7Vu6Ts5Rq4", "9Zx8Yw7Vu6Ts5Rq4")]
    [InlineData("No such key sk_test_4eC39HqLyjWDarjt", "4eC39HqLyjWDarjt")]
    [InlineData("Invalid API Key provided: plk7Hq2Zr9Wm4Xv8", "plk7Hq2Zr9Wm4Xv8")]
    [InlineData("body api_key%3Dplk7Hq2Zr9Wm4Xv8%26amount%3D10", "plk7Hq2Zr9Wm4Xv8")]
    [InlineData("""{\"api_key\":\"plk7Hq2Zr9Wm4Xv8\"}""", "plk7Hq2Zr9Wm4Xv8")]
    [InlineData("""{\\\"api_key\\\":\\\"plk7Hq2Zr9Wm4Xv8\\\"}""", "plk7Hq2Zr9Wm4Xv8")]
    [InlineData("""{\"password\":\"hunter2hunter2\"}""", "hunter2hunter2")]
    [InlineData("client_secret%3Acs_9f8e7d6c5b4a", "cs_9f8e7d6c5b4a")]
    [InlineData("credentials dXNlcjpzM2NyM3RQYXNz rejected", "dXNlcjpzM2NyM3RQYXNz")]
    [InlineData("credentials MTAwMTA4ODQ4MDpCLXFhMi0wLTVmM2IxYzll rejected", "MTAwMTA4ODQ4MDpCLXFhMi0wLTVmM2IxYzll")]
    [InlineData("header was 'Authorization: bearer%20eyJhbGciOiJIUzI1NiJ9'", "eyJhbGciOiJIUzI1NiJ9")]
    public void Redact_KeyFormsProvidersEcho_AreRemoved(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);

        redacted.ShouldNotContain(secret);
        redacted.ShouldContain("[REDACTED]");
    }

    [Theory]
    [InlineData("""{\"cvv\":\"456\"}""", "456")]
    [InlineData("cvv%3D456&x=1", "456")]
    public void Redact_EscapedSecurityCodes_AreRemoved(string text, string code)
    {
        SecretRedactor.Redact(text).ShouldNotContain(code);
    }

    [Theory]
    [InlineData("Field merchantRefNum is invalid")] // a camel-case word of base64 length: decodes to binary, kept
    [InlineData("Transaction declined: insufficientFunds")]
    [InlineData("amount 100.00 EUR, fee 2.50 EUR, total 102.50 EUR")]
    [InlineData("PaymentHub request failed for shopName")]
    public void Redact_WordsThatOnlyLookLikeBase64OrNumbers_AreKeptAsTheSameInstance(string text)
    {
        SecretRedactor.Redact(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Redact_PatternThatMatchesWithoutChange_ReturnsTheSameInstance()
    {
        var text = "Idempotency key reused with another body"; // "key" passes the pre-check; nothing is a secret

        SecretRedactor.Redact(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Redact_OrdinaryMessage_AllocatesNothing()
    {
        const string text = "HTTP 400 (BadRequest), code 1035: Payment declined by the issuer";
        var secrets = new ClientSecrets(["X-Shop-Token"], ["0123456789abcdef"]).For(RequestWithCredentials());
        SecretRedactor.Redact(text, secrets); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            SecretRedactor.Redact(text, secrets);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    internal static HttpRequestMessage RequestWithCredentials()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://provider.test/payments");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic MTAwMTA4ODQ4MDpCLXFhMi0wLTVmM2IxYzllLTAtMzAyYzAyMTQ=");
        request.Headers.TryAddWithoutValidation("X-API-KEY", "plk_7Hq2Zr9Wm4Xv8Tn3");
        request.Headers.TryAddWithoutValidation("X-Shop-Token", "tok/93+Hq=Z81");
        return request;
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
