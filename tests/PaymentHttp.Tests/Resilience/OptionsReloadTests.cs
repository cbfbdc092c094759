using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Resilience;

/// <summary>
/// Options bound from a reloading configuration take effect without a restart (Polly's EnableReloads); an invalid
/// reload is refused with the start-up messages, logged, and the last valid options stay in force.
/// </summary>
public sealed class OptionsReloadTests
{
    private const string Name = "plutu";

    [Fact]
    public async Task Reload_MaxRetryAttemptsChanged_NextCallUsesIt()
    {
        using var fixture = new Fixture(maxRetryAttempts: 1);
        await fixture.CallAlwaysUnavailableAsync();
        fixture.Primary.Attempts.ShouldBe(2);

        fixture.Set("Retry:MaxRetryAttempts", "4");
        await fixture.CallAlwaysUnavailableAsync();

        fixture.Primary.Attempts.ShouldBe(2 + 5);
    }

    [Fact]
    public async Task Reload_MaxErrorBodyBytesAndErrorCodesChanged_NextCallClassifiesWithThem()
    {
        using var fixture = new Fixture(maxRetryAttempts: 0);
        fixture.Primary.Always(HttpStatusCode.BadRequest, """{"error":{"status":400,"code":"WALLET_LOCKED","message":"locked"}}""");
        (await Should.ThrowAsync<ProviderValidationException>(() => fixture.Client.PostAsync("pay", new StringContent("{}")))).ProviderCode.ShouldBe("WALLET_LOCKED");

        fixture.Set("ErrorCodes:WALLET_LOCKED", "Declined");

        (await Should.ThrowAsync<ProviderDeclinedException>(() => fixture.Client.PostAsync("pay", new StringContent("{}")))).ProviderCode.ShouldBe("WALLET_LOCKED");
    }

    [Fact]
    public async Task Reload_Invalid_RefusedLoggedAndLastValidOptionsKept()
    {
        using var fixture = new Fixture(maxRetryAttempts: 2);

        Should.NotThrow(() => fixture.Set("Retry:MaxRetryAttempts", "-7")); // never thrown on the reloading thread
        await fixture.CallAlwaysUnavailableAsync();

        fixture.Primary.Attempts.ShouldBe(3);
        var rejected = fixture.Logs.Collector.GetSnapshot().Where(e => e.Id.Name == "OptionsReloadRejected").ShouldHaveSingleItem();
        rejected.Level.ShouldBe(LogLevel.Error);
        rejected.Message.ShouldContain("PaymentHttp client 'plutu': Retry.MaxRetryAttempts must be between 0 and 100 (was -7).");
    }

    [Fact]
    public async Task Reload_InvalidWhilePipelineRuns_PollyKeepsThePipelineAndItsOptions()
    {
        using var fixture = new Fixture(maxRetryAttempts: 2);
        await fixture.CallAlwaysUnavailableAsync();

        Should.NotThrow(() => fixture.Set("CircuitBreaker:FailureRatio", "7"));
        await fixture.CallAlwaysUnavailableAsync();

        fixture.Primary.Attempts.ShouldBe(3 + 3);
        fixture.Logs.Collector.GetSnapshot().Where(e => e.Id.Name == "OptionsReloadRejected").ShouldHaveSingleItem()
            .Message.ShouldContain("CircuitBreaker.FailureRatio must be more than 0 and at most 1 (was 7).");
    }

    [Fact]
    public async Task Reload_InvalidThenValid_TheValidOneApplies()
    {
        using var fixture = new Fixture(maxRetryAttempts: 2);
        fixture.Set("Retry:MaxRetryAttempts", "-7");
        fixture.Set("Retry:MaxRetryAttempts", "0");

        await fixture.CallAlwaysUnavailableAsync();

        fixture.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public void Start_InvalidOptions_StillFailWithTheValidationMessage()
    {
        using var fixture = new Fixture(maxRetryAttempts: -1, resolveClient: false);

        var failure = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => fixture.CreateClient());

        failure.Message.ShouldContain("Retry.MaxRetryAttempts must be between 0 and 100 (was -1).");
    }

    private sealed class Fixture : IDisposable
    {
        private readonly IConfigurationRoot _configuration;
        private readonly ServiceProvider _provider;
        private readonly HttpClient? _client;

        public Fixture(int maxRetryAttempts, bool resolveClient = true)
        {
            _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BaseAddress"] = "http://plutu.test/",
                ["Retry:MaxRetryAttempts"] = maxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Retry:BaseDelay"] = "00:00:00",
                ["CircuitBreaker:MinimumThroughput"] = "100",
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            services.AddSingleton<TimeProvider>(new FakeTimeProvider());
            services.AddPaymentProviderClient(Name, PaymentProvider.Plutu, _configuration).ConfigurePrimaryHttpMessageHandler(() => Primary);
            _provider = services.BuildServiceProvider();
            if (resolveClient)
            {
                _client = CreateClient();
            }
        }

        public ScriptedHandler Primary { get; } = new();

        public FakeLoggerProvider Logs { get; } = new();

        public HttpClient Client => _client!;

        public HttpClient CreateClient() => _provider.GetRequiredService<IHttpClientFactory>().CreateClient(Name);

        public void Set(string key, string value)
        {
            _configuration[key] = value;
            _configuration.Reload();
        }

        public async Task CallAlwaysUnavailableAsync()
        {
            Primary.Always(HttpStatusCode.ServiceUnavailable);
            await Should.ThrowAsync<ProviderUnavailableException>(() => Client.GetAsync("payments/1"));
        }

        public void Dispose()
        {
            _client?.Dispose();
            _provider.Dispose();
        }
    }
}
