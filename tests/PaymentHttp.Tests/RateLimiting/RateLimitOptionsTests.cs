using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.RateLimiting;

/// <summary>The RateLimit option: defaults, binding from configuration, and validation messages that name the setting.</summary>
public sealed class RateLimitOptionsTests
{
    public static TheoryData<string, Action<PaymentRateLimitOptions>, string> BadSettings => new()
    {
        { "no permits", o => o.PermitsPerPeriod = 0, "RateLimit.PermitsPerPeriod must be between 1 and 1000000 (was 0)" },
        { "tiny period", o => o.Period = TimeSpan.FromMilliseconds(1), "RateLimit.Period must be between 10 ms and one day (was 00:00:00.0010000)" },
        { "zero burst", o => o.Burst = 0, "RateLimit.Burst must be between 1 and 1000000, or null for RateLimit.PermitsPerPeriod (was 0)" },
        { "negative wait", o => o.MaxWait = TimeSpan.FromSeconds(-1), "RateLimit.MaxWait must be between zero and one day (was -00:00:01)" },
        { "blank key", o => o.Key = "  ", "RateLimit.Key must be null or a non-blank name of at most 200 characters (was '  ')" },
        { "long key", o => o.Key = new string('k', 201), "RateLimit.Key must be null or a non-blank name of at most 200 characters" },
        { "zero max pause", o => o.MaxPause = TimeSpan.Zero, "RateLimit.MaxPause must be more than zero and at most one day (was 00:00:00)" },
        { "default above max", o => { o.MaxPause = TimeSpan.FromSeconds(10); o.DefaultPause = TimeSpan.FromSeconds(20); }, "RateLimit.DefaultPause must be more than zero and at most RateLimit.MaxPause (00:00:10) (was 00:00:20)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void CreateClient_BadRateLimitSetting_FailsWithMessageNamingTheSetting(string because, Action<PaymentRateLimitOptions> configure, string expected)
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o =>
        {
            o.RateLimit.Enabled = true;
            configure(o.RateLimit);
        });
        using var provider = services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu"), because);

        exception.Message.ShouldContain("PaymentHttp client 'plutu': " + expected);
    }

    [Fact]
    public void BadRateLimitSetting_WhileOff_IsNotReported()
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o => o.RateLimit.PermitsPerPeriod = 0);
        using var provider = services.BuildServiceProvider();

        Should.NotThrow(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu").Dispose());
    }

    [Fact]
    public void Defaults_OffWithDocumentedValues()
    {
        var options = new PaymentProviderClientOptions().RateLimit;

        options.Enabled.ShouldBeFalse();
        options.PermitsPerPeriod.ShouldBe(10);
        options.Period.ShouldBe(TimeSpan.FromSeconds(1));
        options.Burst.ShouldBeNull();
        options.MaxWait.ShouldBe(TimeSpan.FromSeconds(2));
        options.Key.ShouldBeNull();
        options.DefaultPause.ShouldBe(TimeSpan.FromSeconds(1));
        options.MaxPause.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task ConfigurationSection_BindsEveryRateLimitSetting_AndTheBudgetActsOnThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaymentProviders:Plutu:BaseAddress"] = "http://provider.test/",
            ["PaymentProviders:Plutu:RateLimit:Enabled"] = "true",
            ["PaymentProviders:Plutu:RateLimit:PermitsPerPeriod"] = "3",
            ["PaymentProviders:Plutu:RateLimit:Period"] = "00:00:06",
            ["PaymentProviders:Plutu:RateLimit:Burst"] = "2",
            ["PaymentProviders:Plutu:RateLimit:MaxWait"] = "00:00:00",
            ["PaymentProviders:Plutu:RateLimit:Key"] = "plutu:merchant-9",
            ["PaymentProviders:Plutu:RateLimit:DefaultPause"] = "00:00:03",
            ["PaymentProviders:Plutu:RateLimit:MaxPause"] = "00:02:00",
        }).Build();
        var primary = new ScriptedHandler().Always(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, configuration.GetSection("PaymentProviders:Plutu"))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PaymentProviderClientOptions>>().Get("plutu").RateLimit;
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");
        (await client.GetAsync("a")).Dispose();
        (await client.GetAsync("b")).Dispose();
        var refused = await Should.ThrowAsync<ProviderRateLimitedException>(() => client.GetAsync("c"));

        options.Enabled.ShouldBeTrue();
        options.PermitsPerPeriod.ShouldBe(3);
        options.Period.ShouldBe(TimeSpan.FromSeconds(6));
        options.Burst.ShouldBe(2);
        options.MaxWait.ShouldBe(TimeSpan.Zero);
        options.Key.ShouldBe("plutu:merchant-9");
        options.DefaultPause.ShouldBe(TimeSpan.FromSeconds(3));
        options.MaxPause.ShouldBe(TimeSpan.FromMinutes(2));
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(2)); // burst 2 used; 3 per 6 s = one every 2 s
        primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task CustomBudget_RegisteredFirst_ReplacesTheInProcessDefault_AndGetsTheDefaultKey()
    {
        var budget = new RecordingBudget();
        var primary = new ScriptedHandler().Always(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection().AddSingleton<PaymentRateBudget>(budget);
        services.AddPaymentProviderClient("checkout", PaymentProvider.PlexyPay, o =>
        {
            o.BaseAddress = new Uri("http://provider.test/");
            o.RateLimit.Enabled = true;
        }).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("checkout");

        (await client.GetAsync("a")).Dispose();

        budget.Keys.ShouldBe(["plexypay:checkout"]);
        provider.GetRequiredService<PaymentRateBudget>().ShouldBeSameAs(budget);
    }

    [Fact]
    public async Task BudgetThatThrows_DoesNotFailThePayment()
    {
        var primary = new ScriptedHandler().Always(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection().AddSingleton<PaymentRateBudget>(new RecordingBudget { Throw = true });
        services.AddPaymentProviderClient("checkout", PaymentProvider.Plutu, o =>
        {
            o.BaseAddress = new Uri("http://provider.test/");
            o.RateLimit.Enabled = true;
        }).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("checkout");

        using var response = await client.GetAsync("a");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        primary.Attempts.ShouldBe(1);
    }

    private sealed class RecordingBudget : PaymentRateBudget
    {
        public List<string> Keys { get; } = [];

        public bool Throw { get; init; }

        public override ValueTask<PaymentRateDecision> AcquireAsync(string key, PaymentRateLimits limits, CancellationToken cancellationToken)
        {
            Keys.Add(key);
            return Throw ? throw new InvalidOperationException("store down") : new(PaymentRateDecision.Granted);
        }

        public override ValueTask PauseAsync(string key, TimeSpan duration, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
