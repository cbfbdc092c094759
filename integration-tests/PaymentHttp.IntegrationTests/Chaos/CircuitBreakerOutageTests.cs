using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.IntegrationTests.Infrastructure;
using PaymentHttp.IntegrationTests.Sandbox;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// A provider outage over real sockets: every request answers 503, the circuit opens after exactly
/// <c>MinimumThroughput</c> attempts, then calls fail fast with <see cref="ProviderCircuitOpenException"/> without
/// reaching the server; once the outage is over and the break has passed, a trial payment closes the circuit and
/// payments go through again, each charged once. Once with real time (a one-second break, waited for), once with a
/// <see cref="ManualClock"/> registered in DI that the client's breaker reads.
/// </summary>
[Collection(LoadTestCollection.Name)]
public sealed class CircuitBreakerOutageTests
{
    private const int MinimumThroughput = 5;
    private const int MaxCallsToOpen = 10;
    private const int FailFastCalls = 20;
    private const int PaymentsAfterRecovery = 5;
    private static readonly TimeSpan RealBreak = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ManualBreak = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Outage_RealTime_OpensAtMinimumThroughputFailsFastThenClosesAfterTheBreak(PaymentProvider provider)
    {
        await OutageAsync(provider, clock: null);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Outage_ManualClockFromDI_OpensAtMinimumThroughputFailsFastThenClosesAfterTheBreak(PaymentProvider provider)
    {
        await OutageAsync(provider, new ManualClock());
    }

    private static async Task OutageAsync(PaymentProvider provider, ManualClock? clock)
    {
        var breakDuration = clock is null ? RealBreak : ManualBreak;
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var services = CreateServices(sandbox, provider, breakDuration, clock);
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("outage");
        using var limit = new CancellationTokenSource(PhaseLimit);
        var reference = 0;
        Task<HttpResponseMessage> PayAsync() =>
            client.SendAsync(SandboxRequests.Payment(provider, $"outage-{provider}-{reference++}"), limit.Token);

        // 1. The outage: typed 503 failures until MinimumThroughput attempts have reached the server.
        sandbox.SetOutage(provider, true);
        ProviderCircuitOpenException? opened = null;
        for (var call = 0; call < MaxCallsToOpen && opened is null; call++)
        {
            var before = sandbox.RequestCount(provider);
            var failure = await Should.ThrowAsync<PaymentProviderException>(PayAsync);
            failure.Attempts.ShouldBe(sandbox.RequestCount(provider) - before, "Attempts counts the attempts that reached the server");
            if (failure is ProviderCircuitOpenException circuitOpen)
            {
                opened = circuitOpen;
            }
            else
            {
                failure.Category.ShouldBeOneOf(PaymentErrorCategory.Transient, PaymentErrorCategory.OutcomeUnknown);
                failure.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            }
        }

        opened.ShouldNotBeNull($"the circuit did not open within {MaxCallsToOpen} calls");
        sandbox.RequestCount(provider).ShouldBe(MinimumThroughput, "the circuit opens once MinimumThroughput attempts have failed");
        opened.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        opened.RetryAfter.Value.ShouldBeLessThanOrEqualTo(breakDuration);
        if (clock is not null)
        {
            opened.RetryAfter.ShouldBe(ManualBreak, "the breaker reads the TimeProvider from DI");
        }

        // 2. Open: calls fail fast and nothing reaches the server. With real time, stop well inside the break, so that
        //    a stalled machine cannot turn one of these calls into the half-open trial.
        var failingFast = Stopwatch.StartNew();
        var calls = 0;
        while (calls < FailFastCalls && (clock is not null || calls < 3 || failingFast.Elapsed < breakDuration / 2))
        {
            var fast = await Should.ThrowAsync<ProviderCircuitOpenException>(PayAsync);
            fast.Attempts.ShouldBe(0);
            fast.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
            calls++;
        }

        failingFast.Stop();
        sandbox.RequestCount(provider).ShouldBe(MinimumThroughput, "an open circuit sends nothing");
        failingFast.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "failing fast must not wait on the network");

        // 3. The outage ends; the circuit stays open until the break has passed.
        sandbox.SetOutage(provider, false);
        if (clock is not null)
        {
            await Should.ThrowAsync<ProviderCircuitOpenException>(PayAsync);
            clock.Advance(ManualBreak);
        }
        else
        {
            await Task.Delay(RealBreak + TimeSpan.FromMilliseconds(100), limit.Token); // real elapsed time is the subject here
        }

        sandbox.RequestCount(provider).ShouldBe(MinimumThroughput);

        // 4. The trial payment goes through and closes the circuit; payments flow again, each charged once.
        for (var payment = 0; payment < 1 + PaymentsAfterRecovery; payment++)
        {
            using var response = await PayAsync();
            ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        }

        sandbox.RequestCount(provider).ShouldBe(MinimumThroughput + 1 + PaymentsAfterRecovery);
        sandbox.Ledger.Charges.Count.ShouldBe(1 + PaymentsAfterRecovery);
        sandbox.Ledger.Charges.GroupBy(c => c.MerchantReference).ShouldAllBe(g => g.Count() == 1);
    }

    private static ServiceProvider CreateServices(ProviderSandbox sandbox, PaymentProvider provider, TimeSpan breakDuration, ManualClock? clock)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        services.AddPaymentProviderClient("outage", provider, options =>
            {
                options.BaseAddress = sandbox.BaseAddress(provider);
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.BaseDelay = TimeSpan.Zero;
                options.AttemptTimeout = TimeSpan.FromSeconds(5);
                options.TotalTimeout = TimeSpan.FromSeconds(10);
                options.CircuitBreaker.MinimumThroughput = MinimumThroughput;
                options.CircuitBreaker.FailureRatio = 0.5;
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
                options.CircuitBreaker.BreakDuration = breakDuration;
            })
            .AddHttpMessageHandler(() => sandbox.CredentialsHandler(provider));
        return services.BuildServiceProvider(validateScopes: true);
    }
}
