using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.DependencyInjection;

public sealed class RegistrationTests
{
    [Fact]
    public void NamedClient_GetsBaseAddressAndInfiniteHttpClientTimeout()
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o => o.BaseAddress = new Uri("https://api.plutus.ly/api/v1/"));
        using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");

        client.BaseAddress.ShouldBe(new Uri("https://api.plutus.ly/api/v1/"));
        client.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task TypedClient_ReceivesThePaymentPipeline()
    {
        var primary = new ScriptedHandler().Respond(HttpStatusCode.PaymentRequired);
        var services = new ServiceCollection();
        services.AddPaymentProviderClient<CheckoutClient>(PaymentProvider.MakeCommerce, o => o.BaseAddress = new Uri("http://mc.test/"))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();

        var checkout = provider.GetRequiredService<CheckoutClient>();

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => checkout.PayAsync());
        exception.Provider.ShouldBe(PaymentProvider.MakeCommerce);
        primary.Requests.Single().Uri.ShouldBe(new Uri("http://mc.test/payments"));
    }

    [Fact]
    public async Task ConfigurationSection_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaymentProviders:Paysafe:BaseAddress"] = "https://api.test.paysafe.com/paymenthub/v1/",
            ["PaymentProviders:Paysafe:Retry:MaxRetryAttempts"] = "1",
            ["PaymentProviders:Paysafe:Retry:BaseDelay"] = "00:00:00",
            ["PaymentProviders:Paysafe:Retry:UseJitter"] = "false",
            ["PaymentProviders:Paysafe:CircuitBreaker:MinimumThroughput"] = "50",
            ["PaymentProviders:Paysafe:AttemptTimeout"] = "00:00:05",
            ["PaymentProviders:Paysafe:TotalTimeout"] = "00:00:20",
            ["PaymentProviders:Paysafe:MaxErrorBodyBytes"] = "2048",
            ["PaymentProviders:Paysafe:IdempotencyKeyHeader"] = "X-Idempotency",
        }).Build();
        var primary = new ScriptedHandler().Always(HttpStatusCode.TooManyRequests);
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("paysafe", PaymentProvider.Paysafe, configuration.GetSection("PaymentProviders:Paysafe"))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>().Get("paysafe");
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("paysafe");
        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => client.PostAsync("payments", new StringContent("{}")));

        options.BaseAddress.ShouldBe(new Uri("https://api.test.paysafe.com/paymenthub/v1/"));
        options.CircuitBreaker.MinimumThroughput.ShouldBe(50);
        options.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        options.TotalTimeout.ShouldBe(TimeSpan.FromSeconds(20));
        options.MaxErrorBodyBytes.ShouldBe(2048);
        options.IdempotencyKeyHeader.ShouldBe("X-Idempotency");
        exception.Attempts.ShouldBe(2);
        client.BaseAddress.ShouldBe(options.BaseAddress);
    }

    [Fact]
    public void ConfigurationSection_InvalidValue_FailsWithTheSettingName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retry:MaxRetryAttempts"] = "500",
        }).Build();
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, configuration);
        using var provider = services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu"));

        exception.Message.ShouldContain("Retry.MaxRetryAttempts must be between 0 and 100 (was 500)");
    }

    [Fact]
    public void SameNameTwice_FailsAtRegistration()
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("payments", PaymentProvider.Plutu);

        var exception = Should.Throw<InvalidOperationException>(() => services.AddPaymentProviderClient("payments", PaymentProvider.Paysafe));

        exception.Message.ShouldContain("'payments'");
    }

    [Fact]
    public void HandlersOnAnExistingBuilder_SameNameTwice_FailsAtRegistration()
    {
        var services = new ServiceCollection();
        var builder = services.AddHttpClient("plexy").AddPaymentProviderHandlers(PaymentProvider.PlexyPay);

        Should.Throw<InvalidOperationException>(() => builder.AddPaymentProviderHandlers(PaymentProvider.PlexyPay));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void EmptyName_IsRejected(string name)
    {
        Should.Throw<ArgumentException>(() => new ServiceCollection().AddPaymentProviderClient(name, PaymentProvider.Plutu));
    }

    [Fact]
    public void UnknownProviderValue_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ServiceCollection().AddPaymentProviderClient("x", (PaymentProvider)42));
    }

    [Fact]
    public void PlexyPay_DefaultsToItsIdempotencyKeyHeader_OthersHaveNone()
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plexy", PaymentProvider.PlexyPay);
        services.AddPaymentProviderClient("plexy-custom", PaymentProvider.PlexyPay, o => o.IdempotencyKeyHeader = "X-Key");
        services.AddPaymentProviderClient("paysafe", PaymentProvider.Paysafe);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>();

        options.Get("plexy").IdempotencyKeyHeader.ShouldBe("Idempotency-Key");
        options.Get("plexy-custom").IdempotencyKeyHeader.ShouldBe("X-Key");
        options.Get("paysafe").IdempotencyKeyHeader.ShouldBeNull();
    }

    [Fact]
    public void PlexyPay_EmptyHeaderInConfiguration_TurnsTheDefaultOff()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IdempotencyKeyHeader"] = "",
        }).Build();
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plexy", PaymentProvider.PlexyPay, configuration);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>().Get("plexy").IdempotencyKeyHeader.ShouldBeNull();
    }

    [Fact]
    public void ReturnedBuilder_IsTheClientsBuilder()
    {
        var services = new ServiceCollection();

        var builder = services.AddPaymentProviderClient("pts", PaymentProvider.PagarStar);

        builder.Name.ShouldBe("pts");
    }

    public sealed class CheckoutClient(HttpClient http)
    {
        public Task<HttpResponseMessage> PayAsync() => http.PostAsync("payments", new StringContent("{}"));
    }
}
