using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Diagnostics;

/// <summary>
/// Redaction where the pipeline completes an attempt's error: the request's own credentials, named or built-in,
/// never come back in the exception, its inner exception or the logs.
/// </summary>
public sealed class RedactionPipelineTests
{
    private const string ShopToken = "shop-token-8d7c6b5a";
    private const string Card = "4111111111111111";

    [Fact]
    public async Task TransportFailureQuotingWireData_InnerExceptionIsARedactedStandIn()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.Plutu, o => o.Retry.MaxRetryAttempts = 0);
        harness.Client.DefaultRequestHeaders.TryAddWithoutValidation("X-API-KEY", "plutu-key-value-1234");
        harness.Primary.Throw(new HttpRequestException(
            HttpRequestError.InvalidResponse,
            $"Received an invalid header line: 'X-Echo: {Card} plutu-key-value-1234'."));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        var inner = exception.InnerException.ShouldBeOfType<HttpRequestException>();
        inner.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        exception.ToString().ShouldNotContain(Card);
        exception.ToString().ShouldNotContain("plutu-key-value-1234");
        exception.ToString().ShouldContain("Received an invalid header line");
    }

    [Fact]
    public async Task SensitiveHeader_NamedInOptions_IsRedactedByValueFromTheError()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.Plutu, o => o.SensitiveHeaders.Add("X-Shop-Token"));
        harness.Client.DefaultRequestHeaders.TryAddWithoutValidation("X-Shop-Token", ShopToken);
        harness.Primary.Respond(HttpStatusCode.BadRequest, $$$"""{"error":{"status":400,"code":"BAD","message":"token {{{ShopToken}}} unknown","fields":{"{{{ShopToken}}}":["{{{ShopToken}}}"]} }}""");

        var exception = await Should.ThrowAsync<ProviderValidationException>(() => harness.PostAsync());

        exception.Message.ShouldContain("token [REDACTED] unknown");
        exception.Error.Message.ShouldNotContain(ShopToken);
        exception.Error.FieldErrors.ShouldHaveSingleItem().ToString().ShouldBe("[REDACTED]: [REDACTED]");
    }

    [Fact]
    public async Task SensitiveHeader_NotNamed_IsLeftAlone()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.Plutu);
        harness.Client.DefaultRequestHeaders.TryAddWithoutValidation("X-Shop-Token", ShopToken);
        harness.Primary.Respond(HttpStatusCode.BadRequest, $$$"""{"error":{"status":400,"code":"BAD","message":"token {{{ShopToken}}} unknown"}}""");

        var exception = await Should.ThrowAsync<ProviderValidationException>(() => harness.PostAsync());

        exception.Error.Message.ShouldContain(ShopToken); // proves the option above is what redacts it
    }

    [Fact]
    public async Task ClassifierThatThrowsWithWireData_IsLoggedRedacted()
    {
        var logs = new FakeLoggerProvider();
        using var harness = PaymentClientHarness.CreateCustom(
            new ThrowingClassifier(),
            services: s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        harness.Client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer custom-token-77aa99");
        harness.Primary.Respond(HttpStatusCode.BadRequest, "{}");

        await Should.ThrowAsync<ProviderValidationException>(() => harness.PostAsync());

        var entry = logs.Collector.GetSnapshot().Where(e => e.Id.Name == "ClassifierFailed").ShouldHaveSingleItem();
        entry.Exception.ShouldNotBeNull().ToString().ShouldNotContain("custom-token-77aa99");
        entry.Exception.ToString().ShouldNotContain(Card);
        entry.Exception.ShouldBeOfType<RedactedException>().OriginalTypeName.ShouldBe(typeof(FormatException).FullName);
    }

    [Fact]
    public void SensitiveHeaders_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SensitiveHeaders:0"] = "X-Shop-Token",
            ["SensitiveHeaders:1"] = "X-Other-Secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, configuration);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>().Get("plutu").SensitiveHeaders
            .ShouldBe(["X-Shop-Token", "X-Other-Secret"]);
    }

    [Theory]
    [InlineData("X Shop Token")]
    [InlineData("")]
    [InlineData("X-Shop:Token")]
    public void SensitiveHeaders_InvalidName_FailsNamingTheClientAndSetting(string header)
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o => o.SensitiveHeaders.Add(header));
        using var provider = services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu"));

        exception.Message.ShouldContain($"PaymentHttp client 'plutu': SensitiveHeaders must contain only valid HTTP header names (was '{header}')");
    }

    private sealed class ThrowingClassifier : PaymentErrorClassifier
    {
        public override ProviderError? Classify(in ProviderResponse response) =>
            throw new FormatException($"could not parse 'Bearer custom-token-77aa99 card {Card}'");
    }
}
