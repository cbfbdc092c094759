using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PaymentHttp.Tests.Configuration;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<PaymentProviderClientOptions>, string> BadSettings => new()
    {
        { "negative retries", o => o.Retry.MaxRetryAttempts = -1, "Retry.MaxRetryAttempts must be between 0 and 100 (was -1)" },
        { "too many retries", o => o.Retry.MaxRetryAttempts = 101, "Retry.MaxRetryAttempts must be between 0 and 100 (was 101)" },
        { "negative base delay", o => o.Retry.BaseDelay = TimeSpan.FromSeconds(-1), "Retry.BaseDelay must be between zero and Retry.MaxDelay" },
        { "base above max", o => { o.Retry.BaseDelay = TimeSpan.FromSeconds(40); o.Retry.MaxDelay = TimeSpan.FromSeconds(30); }, "Retry.BaseDelay must be between zero and Retry.MaxDelay (00:00:30) (was 00:00:40)" },
        { "zero max delay", o => { o.Retry.BaseDelay = TimeSpan.Zero; o.Retry.MaxDelay = TimeSpan.Zero; }, "Retry.MaxDelay must be more than zero and at most one day" },
        { "attempt timeout too small", o => o.AttemptTimeout = TimeSpan.FromMilliseconds(5), "AttemptTimeout must be between 10 ms and one day, or Timeout.InfiniteTimeSpan (was 00:00:00.0050000)" },
        { "total timeout too large", o => o.TotalTimeout = TimeSpan.FromDays(2), "TotalTimeout must be between 10 ms and one day" },
        { "total below attempt", o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.TotalTimeout = TimeSpan.FromSeconds(10); }, "TotalTimeout must not be less than AttemptTimeout (00:00:30) (was 00:00:10)" },
        { "ratio zero", o => o.CircuitBreaker.FailureRatio = 0, "CircuitBreaker.FailureRatio must be more than 0 and at most 1 (was 0)" },
        { "ratio above one", o => o.CircuitBreaker.FailureRatio = 1.5, "CircuitBreaker.FailureRatio must be more than 0 and at most 1 (was 1.5)" },
        { "throughput one", o => o.CircuitBreaker.MinimumThroughput = 1, "CircuitBreaker.MinimumThroughput must be 2 or more (was 1)" },
        { "short sampling", o => o.CircuitBreaker.SamplingDuration = TimeSpan.FromMilliseconds(100), "CircuitBreaker.SamplingDuration must be between 0.5 seconds and one day" },
        { "short break", o => o.CircuitBreaker.BreakDuration = TimeSpan.Zero, "CircuitBreaker.BreakDuration must be between 0.5 seconds and one day" },
        { "tiny error body", o => o.MaxErrorBodyBytes = 100, "MaxErrorBodyBytes must be between 1024 and 16777216 (was 100)" },
        { "bad header", o => o.IdempotencyKeyHeader = "Idempotency Key", "IdempotencyKeyHeader must be a valid HTTP header name (was 'Idempotency Key')" },
        { "relative base address", o => o.BaseAddress = new Uri("/v1", UriKind.Relative), "BaseAddress must be an absolute http or https URI (was /v1)" },
        { "ftp base address", o => o.BaseAddress = new Uri("ftp://plutus.ly/"), "BaseAddress must be an absolute http or https URI" },
        { "code written as a decimal", o => o.ErrorCodes["1.0"] = PaymentErrorCategory.Declined, "ErrorCodes[1.0] must be written as the code is compared, '1' (was '1.0')" },
        { "code with blanks", o => o.ErrorCodes[" WALLET_LOCKED "] = PaymentErrorCategory.Declined, "ErrorCodes[ WALLET_LOCKED ] must be written as the code is compared, 'WALLET_LOCKED'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void CreateClient_BadSetting_FailsWithMessageNamingTheSetting(string because, Action<PaymentProviderClientOptions> configure, string expected)
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, configure);
        using var provider = services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu"), because);

        exception.Message.ShouldContain("PaymentHttp client 'plutu': " + expected);
    }

    [Fact]
    public async Task HostStart_BadSetting_FailsBeforeAnyRequest()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPaymentProviderClient("paysafe", PaymentProvider.Paysafe, o => o.CircuitBreaker.MinimumThroughput = 0);
        using var host = builder.Build();

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        exception.Message.ShouldContain("PaymentHttp client 'paysafe': CircuitBreaker.MinimumThroughput must be 2 or more (was 0)");
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEachOne()
    {
        var options = new PaymentProviderClientOptions { MaxErrorBodyBytes = 0, AttemptTimeout = TimeSpan.Zero };
        options.Retry.MaxRetryAttempts = -5;

        var result = new PaymentProviderClientOptionsValidator().Validate("x", options);

        result.Failed.ShouldBeTrue();
        result.Failures!.Count().ShouldBe(3);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var result = new PaymentProviderClientOptionsValidator().Validate("x", new PaymentProviderClientOptions());

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Validate_InfiniteTimeoutsAndNoRetries_AreValid()
    {
        var options = new PaymentProviderClientOptions
        {
            AttemptTimeout = Timeout.InfiniteTimeSpan,
            TotalTimeout = Timeout.InfiniteTimeSpan,
        };
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.Enabled = false;
        options.CircuitBreaker.MinimumThroughput = 0; // ignored while disabled

        new PaymentProviderClientOptionsValidator().Validate("x", options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new PaymentProviderClientOptions();

        options.Retry.MaxRetryAttempts.ShouldBe(3);
        options.Retry.BaseDelay.ShouldBe(TimeSpan.FromSeconds(1));
        options.Retry.MaxDelay.ShouldBe(TimeSpan.FromSeconds(30));
        options.Retry.UseJitter.ShouldBeTrue();
        options.CircuitBreaker.Enabled.ShouldBeTrue();
        options.CircuitBreaker.FailureRatio.ShouldBe(0.5);
        options.CircuitBreaker.MinimumThroughput.ShouldBe(10);
        options.CircuitBreaker.SamplingDuration.ShouldBe(TimeSpan.FromSeconds(60));
        options.CircuitBreaker.BreakDuration.ShouldBe(TimeSpan.FromSeconds(30));
        options.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.TotalTimeout.ShouldBe(TimeSpan.FromSeconds(90));
        options.MaxErrorBodyBytes.ShouldBe(64 * 1024);
        options.IdempotencyKeyHeader.ShouldBeNull();
        options.BaseAddress.ShouldBeNull();
    }
}
