using Microsoft.Extensions.Options;
using PaymentHttp.WebApi.Tests.Infrastructure;

namespace PaymentHttp.WebApi.Tests.Startup;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_InvalidProviderSetting_FailsWithTheSettingsMessage()
    {
        await using var app = await CheckoutApiHost.BuildAsync("--PaymentProviders:Paysafe:Retry:MaxRetryAttempts=-1");

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());

        failure.Message.ShouldContain("PaymentHttp client 'Paysafe': Retry.MaxRetryAttempts must be between 0 and 100 (was -1).");
    }

    [Fact]
    public async Task Start_InvalidBreakDuration_FailsBeforeServingAnything()
    {
        await using var app = await CheckoutApiHost.BuildAsync("--PaymentProviders:Plutu:CircuitBreaker:BreakDuration=00:00:00.100");

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());

        failure.Message.ShouldContain("PaymentHttp client 'Plutu': CircuitBreaker.BreakDuration must be between 0.5 seconds and one day");
        app.Urls.ShouldBeEmpty(); // Kestrel never bound a port
    }

    [Fact]
    public async Task Build_RealProviderWithoutCredentials_FailsNamingTheMissingKey()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => CheckoutApiHost.BuildAsync(
            "--UseSandbox=false", "--PaymentProviders:Paysafe:BaseAddress=http://127.0.0.1:9/"));

        failure.Message.ShouldStartWith("PaymentCredentials:Paysafe:KeyId is required");
    }

    [Fact]
    public async Task Build_NoSandboxAndNoProvider_FailsSayingHowToConfigureOne()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => CheckoutApiHost.BuildAsync("--environment=Production"));

        failure.Message.ShouldStartWith("No payment provider is configured.");
    }
}
