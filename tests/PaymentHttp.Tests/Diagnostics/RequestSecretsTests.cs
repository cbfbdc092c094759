namespace PaymentHttp.Tests.Diagnostics;

/// <summary>Redaction by value: whatever the request carried as a credential, in every form a provider echoes it.</summary>
public sealed class RequestSecretsTests
{
    private const string BasicValue = "MTAwMTA4ODQ4MDpCLXFhMi0wLTVmM2IxYzllLTAtMzAyYzAyMTQ=";
    private const string KeyId = "1001088480";
    private const string KeyPassword = "B-qa2-0-5f3b1c9e-0-302c0214";

    [Theory]
    [InlineData("credential Basic " + BasicValue + " refused", BasicValue)]
    [InlineData("credential " + BasicValue + " refused", BasicValue)]
    [InlineData("user " + KeyId + ":" + KeyPassword + " refused", KeyPassword)]
    [InlineData("key id " + KeyId + " unknown", KeyId)]
    [InlineData("the password " + KeyPassword + " is wrong", KeyPassword)]
    [InlineData("KEY ID " + KeyId + " UNKNOWN, PASSWORD " + "b-QA2-0-5F3B1C9E-0-302C0214", "B-QA2-0-5F3B1C9E")]
    public void BasicCredential_WholeDecodedAndEachPart_AreRedacted(string text, string secret)
    {
        var redacted = Redact(text, ("Authorization", "Basic " + BasicValue));

        redacted.ShouldNotContain(secret, Case.Insensitive);
        redacted.ShouldContain(SecretRedactor.Redacted);
    }

    [Theory]
    [InlineData("Bearer opaque-token-without-digits-or-symbols")]
    [InlineData("Token opaque-token-without-digits-or-symbols")]
    [InlineData("opaque-token-without-digits-or-symbols")]
    public void AnyScheme_TokenAloneIsRedacted(string header)
    {
        var redacted = Redact("token opaque-token-without-digits-or-symbols expired", ("Authorization", header));

        redacted.ShouldNotContain("opaque-token");
        redacted.ShouldEndWith("[REDACTED] expired");
    }

    [Fact]
    public void ProviderHeaders_AreRedactedWithoutBeingNamed()
    {
        var redacted = Redact(
            "key plutukeyvalue7f3a unknown for merchant merchant-000123, proxy proxysecretvalue",
            ("X-API-KEY", "plutukeyvalue7f3a"),
            ("X-Merchant-Id", "merchant-000123"),
            ("Proxy-Authorization", "Basic proxysecretvalue"));

        redacted.ShouldBe("key [REDACTED] unknown for merchant [REDACTED], proxy [REDACTED]");
    }

    [Fact]
    public void UserNamedHeader_IsRedactedAsItIsAndPercentEncoded()
    {
        var secrets = new ClientSecrets(["X-Shop-Token"], []);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://provider.test/");
        request.Headers.TryAddWithoutValidation("X-Shop-Token", "tok/93+Hq=Z81");

        var redacted = SecretRedactor.Redact("got tok/93+Hq=Z81 and body token%3Dtok%2F93%2bHq%3DZ81", secrets.For(request));

        redacted.ShouldNotContain("93+Hq");
        redacted.ShouldNotContain("93%2bHq", Case.Insensitive);
    }

    [Fact]
    public void UnnamedCustomHeader_IsNotTouched()
    {
        Redact("trace abcd-efgh-ijkl", ("X-Trace", "abcd-efgh-ijkl")).ShouldBe("trace abcd-efgh-ijkl");
    }

    [Fact]
    public void FixedSecrets_SuchAsTheSafecode_AreRedacted()
    {
        var secrets = new ClientSecrets([], ["0123456789abcdef", "pts-secret-42-xyz", null]);

        SecretRedactor.Redact("safecode 0123456789ABCDEF and pts-secret-42-xyz", secrets.For(null))
            .ShouldBe("safecode [REDACTED] and [REDACTED]");
    }

    [Fact]
    public void ShortValues_AreNotMatched()
    {
        // A three-character credential part would replace ordinary words everywhere and protect nothing.
        Redact("abc is short", ("Authorization", "Basic " + Convert.ToBase64String("abc:xyz"u8))).ShouldBe("abc is short");
    }

    [Fact]
    public void TextWithoutTheSecrets_IsTheSameInstance()
    {
        var text = "HTTP 402: Payment declined";

        Redact(text, ("Authorization", "Basic " + BasicValue), ("X-API-KEY", "plutukeyvalue7f3a")).ShouldBeSameAs(text);
    }

    private static string Redact(string text, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://provider.test/");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return SecretRedactor.Redact(text, ClientSecrets.Default.For(request));
    }
}
