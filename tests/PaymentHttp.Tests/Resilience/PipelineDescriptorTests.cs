using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace PaymentHttp.Tests.Resilience;

/// <summary>
/// Each payment client's pipeline is in Polly's registry under "{client}-paymenthttp", with exactly the strategies
/// and option values its options ask for (Polly.Testing's descriptor), and reloadable.
/// </summary>
public sealed class PipelineDescriptorTests
{
    [Fact]
    public void Registry_DefaultOptions_RetryBreakerAttemptTimeout()
    {
        using var provider = Build(_ => { });

        var descriptor = provider.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline<HttpResponseMessage>("paysafe-paymenthttp").GetPipelineDescriptor();

        descriptor.IsReloadable.ShouldBeTrue();
        descriptor.Strategies.Select(s => s.Options?.GetType()).ShouldBe(
            [typeof(RetryStrategyOptions<HttpResponseMessage>), typeof(CircuitBreakerStrategyOptions<HttpResponseMessage>), typeof(TimeoutStrategyOptions)]);
        var retry = (RetryStrategyOptions<HttpResponseMessage>)descriptor.Strategies[0].Options!;
        retry.MaxRetryAttempts.ShouldBe(3);
        var breaker = (CircuitBreakerStrategyOptions<HttpResponseMessage>)descriptor.Strategies[1].Options!;
        breaker.FailureRatio.ShouldBe(0.5);
        breaker.MinimumThroughput.ShouldBe(10);
        breaker.SamplingDuration.ShouldBe(TimeSpan.FromSeconds(60));
        breaker.BreakDuration.ShouldBe(TimeSpan.FromSeconds(30));
        ((TimeoutStrategyOptions)descriptor.Strategies[2].Options!).Timeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Registry_RetriesOffBreakerOffNoTimeouts_NoStrategies()
    {
        using var provider = Build(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.Enabled = false;
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });

        var descriptor = provider.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline<HttpResponseMessage>("paysafe-paymenthttp").GetPipelineDescriptor();

        descriptor.Strategies.ShouldBeEmpty();
    }

    [Fact]
    public void Registry_CustomValues_ReachTheStrategies()
    {
        using var provider = Build(o =>
        {
            o.Retry.MaxRetryAttempts = 7;
            o.CircuitBreaker.MinimumThroughput = 4;
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.TotalTimeout = TimeSpan.FromSeconds(9);
        });

        var strategies = provider.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline<HttpResponseMessage>("paysafe-paymenthttp").GetPipelineDescriptor().Strategies;

        ((RetryStrategyOptions<HttpResponseMessage>)strategies[0].Options!).MaxRetryAttempts.ShouldBe(7);
        ((CircuitBreakerStrategyOptions<HttpResponseMessage>)strategies[1].Options!).MinimumThroughput.ShouldBe(4);
        ((TimeoutStrategyOptions)strategies[2].Options!).Timeout.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Registry_TwoClients_TwoPipelines()
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("a", PaymentProvider.Plutu);
        services.AddPaymentProviderClient("b", PaymentProvider.Plutu, o => o.Retry.MaxRetryAttempts = 1);
        using var provider = services.BuildServiceProvider();
        var pipelines = provider.GetRequiredService<ResiliencePipelineProvider<string>>();

        var a = pipelines.GetPipeline<HttpResponseMessage>("a-paymenthttp");
        var b = pipelines.GetPipeline<HttpResponseMessage>("b-paymenthttp");

        a.ShouldNotBeSameAs(b);
        ((RetryStrategyOptions<HttpResponseMessage>)b.GetPipelineDescriptor().Strategies[0].Options!).MaxRetryAttempts.ShouldBe(1);
        pipelines.GetPipeline<HttpResponseMessage>("a-paymenthttp").ShouldBeSameAs(a); // one per client, kept by the registry
    }

    private static ServiceProvider Build(Action<PaymentProviderClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("paysafe", PaymentProvider.Paysafe, configure);
        return services.BuildServiceProvider();
    }
}
