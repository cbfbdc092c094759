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
}
