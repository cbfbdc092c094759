using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Providers;

/// <summary>
/// <see cref="PaymentProviderClientOptions.ErrorCodes"/>: the user's meaning for a provider code, through the real
/// pipeline, set in code and bound from configuration.
/// </summary>
public sealed class ErrorCodeOverrideTests
{
    private const string WalletLocked = """{"error":{"status":400,"code":"WALLET_LOCKED","message":"The wallet is locked."}}""";

    [Fact]
    public async Task Plutu400_WithoutOverride_InvalidRequest()
    {
        await ProviderPipeline.AssertPostAsync(PaymentProvider.Plutu, HttpStatusCode.BadRequest, WalletLocked, PaymentErrorCategory.InvalidRequest, "WALLET_LOCKED");
    }

    [Fact]
    public async Task Plutu400_OverriddenToDeclined_Declined()
    {
        var exception = await SendAsync(
            PaymentProvider.Plutu, HttpMethod.Post, HttpStatusCode.BadRequest, WalletLocked, o => o.ErrorCodes["WALLET_LOCKED"] = PaymentErrorCategory.Declined);

        exception.ShouldBeOfType<ProviderDeclinedException>();
        exception.ProviderCode.ShouldBe("WALLET_LOCKED");
        exception.Error.Message.ShouldBe("The wallet is locked.");
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Never);
        exception.Attempts.ShouldBe(1);
    }

    [Theory]
    [InlineData("wallet_locked", "WALLET_LOCKED")]
    [InlineData("WALLET_LOCKED", "wallet_locked")]
    [InlineData("Wallet_Locked", "wALLET_lOCKED")]
    public async Task Override_CodeInAnotherCase_StillApplies(string configured, string sent)
    {
        var body = $$$"""{"error":{"status":400,"code":"{{{sent}}}"}}""";

        var exception = await SendAsync(
            PaymentProvider.Plutu, HttpMethod.Post, HttpStatusCode.BadRequest, body, o => o.ErrorCodes[configured] = PaymentErrorCategory.Declined);

        exception.ShouldBeOfType<ProviderDeclinedException>();
        exception.ProviderCode.ShouldBe(sent);
    }

    [Fact]
    public async Task Override_ToRateLimited_PostRetried()
    {
        var exception = await SendAsync(
            PaymentProvider.Plutu, HttpMethod.Post, HttpStatusCode.BadRequest, WalletLocked, o => o.ErrorCodes["WALLET_LOCKED"] = PaymentErrorCategory.RateLimited);

        exception.ShouldBeOfType<ProviderRateLimitedException>();
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
        exception.Attempts.ShouldBe(ProviderPipeline.RetriedAttempts);
    }

    [Fact]
    public async Task Override_ToRateLimitedThenSuccess_PostSucceedsOnTheRetry()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.Plutu, o => o.ErrorCodes["WALLET_LOCKED"] = PaymentErrorCategory.RateLimited);
        harness.Primary.Respond(HttpStatusCode.BadRequest, WalletLocked).Respond(HttpStatusCode.OK, """{"status":200,"result":{}}""");

        using var response = await harness.PostAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Override_ToOutcomeUnknown_PostEndsAtOnceAndGetIsRetried()
    {
        Action<PaymentProviderClientOptions> configure = o => o.ErrorCodes["WALLET_LOCKED"] = PaymentErrorCategory.OutcomeUnknown;

        var post = await SendAsync(PaymentProvider.Plutu, HttpMethod.Post, HttpStatusCode.BadRequest, WalletLocked, configure);
        var get = await SendAsync(PaymentProvider.Plutu, HttpMethod.Get, HttpStatusCode.BadRequest, WalletLocked, configure);

        post.ShouldBeOfType<ProviderOutcomeUnknownException>().Attempts.ShouldBe(1);
        get.ShouldBeOfType<ProviderUnavailableException>().Attempts.ShouldBe(ProviderPipeline.RetriedAttempts);
    }

    [Fact]
    public async Task PagarStar1004_OverriddenToConflict_OverrideWinsOverTheBuiltInTable()
    {
        var exception = await SendAsync(
            PaymentProvider.PagarStar, HttpMethod.Post, HttpStatusCode.OK, """{"code":1004,"message":"Payment exceed quota limit"}""",
            o => o.ErrorCodes["1004"] = PaymentErrorCategory.Conflict);

        exception.ShouldBeOfType<ProviderConflictException>();
        exception.ProviderCode.ShouldBe("1004");
    }

    [Fact]
    public async Task PagarStar8001_OverriddenToDeclined_NoLongerRetried()
    {
        var exception = await SendAsync(
            PaymentProvider.PagarStar, HttpMethod.Post, HttpStatusCode.OK, """{"code":8001}""", o => o.ErrorCodes["8001"] = PaymentErrorCategory.Declined);

        exception.ShouldBeOfType<ProviderDeclinedException>();
        exception.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task PaysafeCodeInARange_OverriddenToConflict_OverrideWinsOverTheRange()
    {
        var exception = await SendAsync(
            PaymentProvider.Paysafe, HttpMethod.Post, HttpStatusCode.PaymentRequired, """{"error":{"code":"3015"}}""",
            o => o.ErrorCodes["3015"] = PaymentErrorCategory.Conflict);

        exception.ShouldBeOfType<ProviderConflictException>();
    }

    [Fact]
    public async Task PaysafeCodeFromTheHeader_Overridden_OverrideApplies()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.Paysafe, o => o.ErrorCodes["5999"] = PaymentErrorCategory.Configuration);
        harness.Primary.Respond(HttpStatusCode.BadRequest, configure: r => r.Headers.TryAddWithoutValidation("X-Application-Status-Code", "5999"));

        var exception = await Should.ThrowAsync<ProviderConfigurationException>(() => harness.PostAsync());

        exception.ProviderCode.ShouldBe("5999");
    }

    [Fact]
    public async Task PlexyPayStripeLikeCode_Overridden_OverrideWinsOverTheType()
    {
        var exception = await SendAsync(
            PaymentProvider.PlexyPay, HttpMethod.Post, HttpStatusCode.PaymentRequired, """{"error":{"type":"card_error","code":"processing_error"}}""",
            o => o.ErrorCodes["processing_error"] = PaymentErrorCategory.Declined);

        exception.ShouldBeOfType<ProviderDeclinedException>();
    }

    [Fact]
    public async Task MakeCommerceNumericCode_Overridden_OverrideApplies()
    {
        var exception = await SendAsync(
            PaymentProvider.MakeCommerce, HttpMethod.Post, HttpStatusCode.BadRequest, """{"code":1099,"message":"new"}""",
            o => o.ErrorCodes["1099"] = PaymentErrorCategory.Declined);

        exception.ShouldBeOfType<ProviderDeclinedException>();
        exception.ProviderCode.ShouldBe("1099");
    }

    [Fact]
    public async Task Override_OtherCode_LeavesThisOneAlone()
    {
        var exception = await SendAsync(
            PaymentProvider.Plutu, HttpMethod.Post, HttpStatusCode.BadRequest, WalletLocked, o => o.ErrorCodes["WALLET_LOCKED_2"] = PaymentErrorCategory.Declined);

        exception.ShouldBeOfType<ProviderValidationException>();
    }

    [Theory]
    [InlineData("WALLET_LOCKED", "Declined", typeof(ProviderDeclinedException), 1)]
    [InlineData("wallet_locked", "Declined", typeof(ProviderDeclinedException), 1)]
    [InlineData("WALLET_LOCKED", "RateLimited", typeof(ProviderRateLimitedException), 4)]
    public async Task Override_BoundFromConfiguration_Applies(string code, string category, Type expected, int attempts)
    {
        var json = $$"""
            {
              "BaseAddress": "http://plutu.test/",
              "Retry": { "BaseDelay": "00:00:00", "UseJitter": false },
              "ErrorCodes": { "{{code}}": "{{category}}" }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var primary = new ScriptedHandler().Always(HttpStatusCode.BadRequest, WalletLocked);
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, configuration).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => client.PostAsync("transaction/edfali/confirm", new StringContent("amount=10")));

        exception.GetType().ShouldBe(expected);
        exception.ProviderCode.ShouldBe("WALLET_LOCKED");
        primary.Attempts.ShouldBe(attempts);
    }

    private static async Task<PaymentProviderException> SendAsync(
        PaymentProvider provider, HttpMethod method, HttpStatusCode status, string body, Action<PaymentProviderClientOptions> configure)
    {
        using var harness = PaymentClientHarness.Create(provider, configure);
        harness.Primary.Always(ProviderPipeline.Reply(status, Encoding.UTF8.GetBytes(body)));
        using var request = ProviderPipeline.Request(method);

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => harness.Client.SendAsync(request));

        harness.Primary.Attempts.ShouldBe(exception.Attempts);
        return exception;
    }
}
