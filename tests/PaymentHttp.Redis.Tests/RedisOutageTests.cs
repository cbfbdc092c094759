using System.Diagnostics;
using PaymentHttp.Testing;

namespace PaymentHttp.Redis.Tests;

/// <summary>
/// redis-server is killed in the middle of a run and restarted: calls keep going on the in-process fallback (no
/// hang, typed exceptions only, nothing sent twice), then the budget is shared again. Its own server, so the kill
/// does not disturb the other tests.
/// </summary>
[Collection(RedisCollection.Name)] // not in parallel with the other Redis tests: a 2-core CI box must not starve them
public sealed class RedisOutageTests
{
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task RedisKilledMidRun_CallsGoOnLocally_ThenShareAgainAfterRestart()
    {
        await using var server = await LocalRedisServer.StartAsync();
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(RedisServerFixture.ClientOptions(server.Endpoint));
        var provider = new RecordingProvider();
        var key = "plutu:merchant-" + Guid.NewGuid().ToString("N");
        await using var instance = FleetClient.Create(redis, provider, key, redisOptions: o =>
        {
            o.CommandTimeout = TimeSpan.FromMilliseconds(200);
            o.ProbeInterval = TimeSpan.FromMilliseconds(200);
        });
        var outcomes = new Outcomes();

        await outcomes.RunAsync(instance, "shared", 20);
        instance.Budget.IsOnFallback.ShouldBeFalse();

        await server.KillAsync();
        await outcomes.RunAsync(instance, "down", 30);
        instance.Budget.IsOnFallback.ShouldBeTrue();

        await server.RestartAsync();
        var recovery = Stopwatch.StartNew();
        var round = 0;
        while (instance.Budget.IsOnFallback)
        {
            recovery.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the budget did not go back to Redis");
            await outcomes.RunAsync(instance, "recovering" + round++, 1);
            await Task.Delay(50);
        }

        await outcomes.RunAsync(instance, "back", 20);
        instance.Budget.IsOnFallback.ShouldBeFalse();
        (await redis.GetDatabase().KeyExistsAsync("paymenthttp:rate:" + key)).ShouldBeTrue("the budget is kept in Redis again");

        outcomes.Untyped.ShouldBeEmpty();
        outcomes.SlowestCall.ShouldBeLessThan(CallBound);
        provider.Received.Values.ShouldAllBe(count => count == 1); // nothing sent twice
        provider.Total.ShouldBe(outcomes.Succeeded); // nothing that succeeded went unsent, nothing sent was lost
    }

    private sealed class Outcomes
    {
        public List<Exception> Untyped { get; } = [];

        public int Succeeded { get; private set; }

        public TimeSpan SlowestCall { get; private set; }

        public async Task RunAsync(FleetClient instance, string phase, int calls)
        {
            for (var i = 0; i < calls; i++)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await instance.PayAsync($"{phase}-{i}").WaitAsync(TimeSpan.FromSeconds(10));
                    Succeeded++;
                }
                catch (PaymentProviderException)
                {
                    // Typed: allowed (a refusal was not sent).
                }
#pragma warning disable CA1031 // Anything else is what the test looks for.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Untyped.Add(exception);
                }

                SlowestCall = watch.Elapsed > SlowestCall ? watch.Elapsed : SlowestCall;
            }
        }
    }
}
