using System.Net;

namespace PaymentHttp.Redis.Tests;

/// <summary>Whole PaymentHttp clients in two containers ("instances") sharing a budget key through real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class FleetBackoffTests
{
    private readonly RedisServerFixture _redis;
    private readonly string _key = "plutu:merchant-" + Guid.NewGuid().ToString("N");

    public FleetBackoffTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    [Fact]
    public async Task Provider429_SeenByOneInstance_TheOtherFailsFastWithoutSending()
    {
        await using var redisA = await _redis.ConnectAsync();
        await using var redisB = await _redis.ConnectAsync();
        var provider = new RecordingProvider { ThrottleFor = TimeSpan.FromSeconds(40) };
        await using var a = FleetClient.Create(redisA, provider, _key);
        await using var b = FleetClient.Create(redisB, provider, _key);

        var first = await Should.ThrowAsync<ProviderRateLimitedException>(() => a.PayAsync("p1"));
        var second = await Should.ThrowAsync<ProviderRateLimitedException>(() => b.PayAsync("p2"));

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        second.StatusCode.ShouldBeNull();
        second.Attempts.ShouldBe(0);
        second.RetryAfter!.Value.ShouldBeInRange(TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(40));
        provider.Received.Keys.ShouldBe(["p1"]);
        b.Budget.IsOnFallback.ShouldBeFalse();
    }

    [Fact]
    public async Task Budget_IsSharedByTwoInstances()
    {
        await using var redisA = await _redis.ConnectAsync();
        await using var redisB = await _redis.ConnectAsync();
        var provider = new RecordingProvider();
        void Limit(PaymentProviderClientOptions o)
        {
            o.RateLimit.PermitsPerPeriod = 1;
            o.RateLimit.Period = TimeSpan.FromMinutes(1);
            o.RateLimit.Burst = 3;
        }

        await using var a = FleetClient.Create(redisA, provider, _key, Limit);
        await using var b = FleetClient.Create(redisB, provider, _key, Limit);

        var sent = 0;
        var refused = 0;
        for (var i = 0; i < 8; i++)
        {
            try
            {
                using var response = await (i % 2 == 0 ? a : b).PayAsync("p" + i);
                sent++;
            }
            catch (ProviderRateLimitedException e) when (e.StatusCode is null)
            {
                refused++;
            }
        }

        sent.ShouldBe(3);
        refused.ShouldBe(5);
        provider.Total.ShouldBe(3);
    }
}
