using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Providers.PagarStar;

/// <summary>
/// PTS request encoding against vectors made with an independent tool (OpenSSL 3):
/// <code>
/// printf '%s' "$PLAIN" | openssl enc -aes-128-ecb -K 30313233343536373839616263646566 -nosalt | base64 -w0
/// printf '%s' "$CIPHER" | openssl dgst -sha256 -hmac 'pts-transaction-secret' -binary | base64 -w0
/// </code>
/// </summary>
public sealed class PagarStarEncryptionTests
{
    private const string SafeCode = "0123456789abcdef";
    private const string SafeCode256 = "0123456789abcdef0123456789abcdef";
    private const string TransactionSecret = "pts-transaction-secret";
    private const string Plain = """{"merchant_id":"M1001","order_id":"ORD-42","amount":"150.00","timestamp":1763726400,"sign":"abc123"}""";
    private const string PlainEncrypted = "BWbdO3TDTJIx08d76FSyAWMSeH8NQKmJpKeDtLZzfZcSvcLAsF1yFfZgEUzx1QUWwRGqzjKotbzBS7Peax1TOYE+uBF+bAJOkyBIbYQRlGsWw5V50Ry9ttB47FB3JpyJtEFM52VO6sU/BBAZ0BkYTg==";
    private const string PlainEncrypted256 = "IEl+52KOr4aaH94l6TNX23eHUMwXbgdvkioYc4xG232+GqMYiezlqtItnIzuz+ZMTUWdlkfqt8lI5ie7Eh1Wk/YsV3vgXC3IWQ9OPt8+IWEYFxjJI3+EuPFNAmPQnA0GVc/fM/vy0NmKbnqLHDpGgQ==";
    private const string Signature = "eg8t2aSeSM9t6hWeQfAujjKrmpxjdvHOdu+3f+m6cE4=";
    private const string DuplicateEncrypted = "muP7QbEFZHVF9o4mCvfutTiurYz8nbUQgT3v6fmUG50NvG2p5XyXo5qOO+OGkE4c"; // {"code":1003,"message":"Duplicate order id"}

    [Fact]
    public void Encrypt_MatchesOpenSslAes128Ecb()
    {
        var cipher = new PagarStarCipher(SafeCode, TransactionSecret);

        Encoding.ASCII.GetString(cipher.Encrypt(Encoding.UTF8.GetBytes(Plain))).ShouldBe(PlainEncrypted);
    }

    [Fact]
    public void Encrypt_MatchesOpenSslAes256Ecb()
    {
        var cipher = new PagarStarCipher(SafeCode256, transactionSecret: null);

        Encoding.ASCII.GetString(cipher.Encrypt(Encoding.UTF8.GetBytes(Plain))).ShouldBe(PlainEncrypted256);
    }

    [Fact]
    public void Sign_MatchesOpenSslHmacSha256()
    {
        var cipher = new PagarStarCipher(SafeCode, TransactionSecret);

        cipher.Sign(Encoding.ASCII.GetBytes(PlainEncrypted)).ShouldBe(Signature);
    }

    [Fact]
    public void TryDecrypt_OpenSslCiphertext_GivesTheJson()
    {
        var cipher = new PagarStarCipher(SafeCode, TransactionSecret);

        cipher.TryDecrypt(Encoding.ASCII.GetBytes(DuplicateEncrypted), out var json).ShouldBeTrue();
        Encoding.UTF8.GetString(json).ShouldBe("""{"code":1003,"message":"Duplicate order id"}""");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("QUJD")] // base64, but not a whole AES block
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")] // a block that does not decrypt to valid padding under this key
    public void TryDecrypt_NotCiphertext_ReturnsFalse(string body)
    {
        new PagarStarCipher(SafeCode, null).TryDecrypt(Encoding.ASCII.GetBytes(body), out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Send_EncryptsBodySetsTextPlainAndSigns()
    {
        var primary = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"code":1000,"message":"Request accepted"}""");
        using var provider = Build(primary, o => { o.SafeCode = SafeCode; o.TransactionSecret = TransactionSecret; });
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("pts");

        using var response = await client.PostAsync("pay", new StringContent(Plain, Encoding.UTF8, "application/json"));

        var sent = primary.Requests.Single();
        Encoding.ASCII.GetString(sent.Body).ShouldBe(PlainEncrypted);
        sent.Headers["X-Transaction-Signature"].ShouldBe(Signature);
        primary.ContentTypes.Single().ShouldBe("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":1000");
    }

    [Fact]
    public async Task Send_WithoutTransactionSecret_SendsNoSignature()
    {
        var primary = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"code":1000}""");
        using var provider = Build(primary, o => o.SafeCode = SafeCode);
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("pts");

        using var response = await client.PostAsync("pay", new StringContent(Plain));

        primary.Requests.Single().Headers.ContainsKey("X-Transaction-Signature").ShouldBeFalse();
        Encoding.ASCII.GetString(primary.Requests.Single().Body).ShouldBe(PlainEncrypted);
    }

    [Fact]
    public async Task Receive_EncryptedErrorResponse_IsDecryptedThenClassified()
    {
        var primary = new ScriptedHandler().Then((_, _) => Task.FromResult(EncryptedResponse(DuplicateEncrypted)));
        using var provider = Build(primary, o => o.SafeCode = SafeCode);
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("pts");

        var exception = await Should.ThrowAsync<ProviderConflictException>(() => client.PostAsync("pay", new StringContent(Plain)));

        exception.ProviderCode.ShouldBe("1003");
        exception.Error.Message.ShouldBe("Duplicate order id");
    }

    [Fact]
    public async Task Retry_AfterServiceUnavailableCode_SendsTheSameEncryptedBytesAndCallerReadsJson()
    {
        var cipher = new PagarStarCipher(SafeCode, null);
        var unavailable = Encoding.ASCII.GetString(cipher.Encrypt("""{"code":8001,"message":"Service not available"}"""u8));
        var accepted = Encoding.ASCII.GetString(cipher.Encrypt("""{"code":1000,"message":"Request accepted","data":{"order_id":"ORD-42"}}"""u8));
        var primary = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(EncryptedResponse(unavailable)))
            .Then((_, _) => Task.FromResult(EncryptedResponse(accepted)));
        using var provider = Build(primary, o => o.SafeCode = SafeCode);
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("pts");

        using var response = await client.PostAsync("pay", new StringContent(Plain));

        primary.Attempts.ShouldBe(2);
        primary.Requests[0].Body.ShouldBe(primary.Requests[1].Body);
        Encoding.ASCII.GetString(primary.Requests[1].Body).ShouldBe(PlainEncrypted);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"code":1000,"message":"Request accepted","data":{"order_id":"ORD-42"}}""");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Receive_PlainJsonResponse_PassesUnchanged()
    {
        var primary = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"code":1004,"message":"Payment exceed quota limit"}""");
        using var provider = Build(primary, o => o.SafeCode = SafeCode);
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("pts");

        await Should.ThrowAsync<ProviderDeclinedException>(() => client.PostAsync("pay", new StringContent(Plain)));
    }

    [Theory]
    [InlineData(null, "SafeCode is required")]
    [InlineData("short", "SafeCode must be 16, 24 or 32 bytes long in UTF-8 (was 5 bytes)")]
    public void Options_BadSafeCode_FailsWithoutEchoingIt(string? safeCode, string expected)
    {
        using var provider = Build(new ScriptedHandler(), o => o.SafeCode = safeCode);

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("pts"));

        exception.Message.ShouldContain(expected);
        if (safeCode is not null)
        {
            exception.Message.ShouldNotContain(safeCode);
        }
    }

    [Fact]
    public void Options_ToString_HidesSecrets()
    {
        var options = new PagarStarEncryptionOptions { SafeCode = SafeCode, TransactionSecret = TransactionSecret };

        options.ToString().ShouldNotContain(SafeCode);
        options.ToString().ShouldNotContain(TransactionSecret);
    }

    [Fact]
    public void Register_OnClientThatIsNotPaymentHttpPagarStar_Throws()
    {
        var services = new ServiceCollection();

        Should.Throw<InvalidOperationException>(() => services.AddHttpClient("raw").AddPagarStarEncryption(o => o.SafeCode = SafeCode))
            .Message.ShouldContain("'raw'");
        Should.Throw<InvalidOperationException>(() => services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu).AddPagarStarEncryption(o => o.SafeCode = SafeCode));
    }

    private static ServiceProvider Build(ScriptedHandler primary, Action<PagarStarEncryptionOptions> secrets)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddPaymentProviderClient("pts", PaymentProvider.PagarStar, o =>
            {
                o.BaseAddress = new Uri("http://pts.test/");
                o.Retry.BaseDelay = TimeSpan.Zero;
            })
            .AddPagarStarEncryption(secrets)
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        return services.BuildServiceProvider();
    }

    private static HttpResponseMessage EncryptedResponse(string base64) =>
        ScriptedHandler.Json(HttpStatusCode.OK, base64, "text/plain");
}
