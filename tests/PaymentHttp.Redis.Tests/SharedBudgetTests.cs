using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace PaymentHttp.Redis.Tests;

/// <summary>Two "instances" (separate connections, separate budgets) against one real redis-server share one budget.</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedBudgetTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly RedisServerFixture _redis;
    private readonly string _key = "plutu:merchant-" + Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer _first = null!;
    private ConnectionMultiplexer _second = null!;

    public SharedBudgetTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    public async Task InitializeAsync()
    {
        _first = await _redis.ConnectAsync();
        _second = await _redis.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstances_SameKey_ShareOneBucket()
    {
        var a = Budget(_first);
        var b = Budget(_second);
        var limits = new PaymentRateLimits(1, TimeSpan.FromMinutes(1), burst: 4);

        var granted = 0;
        for (var i = 0; i < 10; i++)
        {
            granted += (await (i % 2 == 0 ? a : b).AcquireAsync(_key, limits, CancellationToken.None)).IsGranted ? 1 : 0;
        }

        (a.IsOnFallback || b.IsOnFallback).ShouldBeFalse("Redis did not answer within the command timeout");
        granted.ShouldBe(4);
        var refused = await b.AcquireAsync(_key, limits, CancellationToken.None);
        refused.Reason.ShouldBe(PaymentRateRefusalReason.Budget);
        refused.RetryAfter.ShouldBeInRange(TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        a.IsOnFallback.ShouldBeFalse();
    }

    [Fact]
    public async Task DifferentKeys_AreIndependent()
    {
        var limits = new PaymentRateLimits(1, TimeSpan.FromMinutes(1), burst: 1);
        (await Budget(_first).AcquireAsync(_key, limits, CancellationToken.None)).IsGranted.ShouldBeTrue();

        (await Budget(_second).AcquireAsync(_key + ":other", limits, CancellationToken.None)).IsGranted.ShouldBeTrue();
    }

    [Fact]
    public async Task Pause_RecordedByOneInstance_RefusesTheOther_AndShorterPausesDoNotShortenIt()
    {
        var a = Budget(_first);
        var b = Budget(_second);
        var limits = new PaymentRateLimits(100, TimeSpan.FromSeconds(1), burst: 100);

        await a.PauseAsync(_key, TimeSpan.FromSeconds(30), CancellationToken.None);
        await a.PauseAsync(_key, TimeSpan.FromSeconds(1), CancellationToken.None);
        var refused = await b.AcquireAsync(_key, limits, CancellationToken.None);

        refused.Reason.ShouldBe(PaymentRateRefusalReason.Paused);
        refused.RetryAfter.ShouldBeInRange(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Pause_Ends_OnTheServerClock()
    {
        var a = Budget(_first);
        var limits = new PaymentRateLimits(100, TimeSpan.FromSeconds(1), burst: 100);
        await a.PauseAsync(_key, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        (await a.AcquireAsync(_key, limits, CancellationToken.None)).Reason.ShouldBe(PaymentRateRefusalReason.Paused);

        var waited = Stopwatch.StartNew();
        while (!(await a.AcquireAsync(_key, limits, CancellationToken.None)).IsGranted)
        {
            waited.Elapsed.ShouldBeLessThan(Bound);
            await Task.Delay(20);
        }

        waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task InstancesWithFrozenClocks_StillRefill_BecauseRedisTimeDecides()
    {
        // Both instances' clocks stand still (and disagree by a day); only Redis's TIME can refill the bucket.
        var a = Budget(_first, new FrozenTime(DateTimeOffset.UnixEpoch));
        var b = Budget(_second, new FrozenTime(DateTimeOffset.UnixEpoch.AddDays(1)));
        var limits = new PaymentRateLimits(10, TimeSpan.FromSeconds(1), burst: 1);
        (await a.AcquireAsync(_key, limits, CancellationToken.None)).IsGranted.ShouldBeTrue();
        var refused = await b.AcquireAsync(_key, limits, CancellationToken.None);
        refused.IsGranted.ShouldBeFalse();
        refused.RetryAfter.ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(100));

        var waited = Stopwatch.StartNew();
        while (!(await b.AcquireAsync(_key, limits, CancellationToken.None)).IsGranted)
        {
            waited.Elapsed.ShouldBeLessThan(Bound);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Acquire_IsOneRoundTrip_AndSoIsPause()
    {
        var budget = Budget(_first);
        var limits = new PaymentRateLimits(1000, TimeSpan.FromSeconds(1), burst: 1000);
        await budget.AcquireAsync(_key, limits, CancellationToken.None); // the first use of each script loads it
        await budget.PauseAsync(_key + ":warm", TimeSpan.FromMilliseconds(1), CancellationToken.None);

        var before = await ScriptCallsAsync();
        for (var i = 0; i < 50; i++)
        {
            await budget.AcquireAsync(_key, limits, CancellationToken.None);
        }

        await budget.PauseAsync(_key, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        (await ScriptCallsAsync() - before).ShouldBe(51);
    }

    /// <summary>EVAL + EVALSHA calls the server has run, read from another connection so the count is the server's own.</summary>
    private async Task<long> ScriptCallsAsync()
    {
        var info = await _second.GetServer(_second.GetEndPoints()[0]).InfoAsync("commandstats");
        return info.SelectMany(group => group)
            .Where(pair => pair.Key is "cmdstat_eval" or "cmdstat_evalsha")
            .Sum(pair => long.Parse(pair.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static RedisPaymentRateBudget Budget(IConnectionMultiplexer redis, TimeProvider? time = null) =>
        new(redis, new RedisPaymentRateBudgetOptions { CommandTimeout = TimeSpan.FromSeconds(5) }, timeProvider: time);

    /// <summary>
    /// Microsoft's <see cref="FakeTimeProvider"/>, never advanced here, with real timers so the bounded waits of the
    /// budget's Redis commands still end.
    /// </summary>
    private sealed class FrozenTime(DateTimeOffset now) : FakeTimeProvider(now)
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            TimeProvider.System.CreateTimer(callback, state, dueTime, period);
    }
}
