using BenchmarkDotNet.Attributes;
using PaymentHttp.Redis;
using PaymentHttp.Testing;
using RedisRateLimiting;
using StackExchange.Redis;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// The per-attempt cost of the rate budget: in-process, on Redis over loopback (one Lua round trip with the pause
/// check), and — for the record of why PaymentHttp.Redis has its own script — RedisRateLimiting 1.2.1's token
/// bucket plus the GET a pause check would need beside it. A raw PING is the floor of any Redis round trip.
/// Needs redis-server (installed when missing, as in the tests).
/// </summary>
[MemoryDiagnoser]
public class RedisRateBudgetBenchmarks
{
    private static readonly PaymentRateLimits Limits = new(1_000_000, TimeSpan.FromSeconds(1), 1_000_000);

    private LocalRedisServer _server = null!;
    private ConnectionMultiplexer _redis = null!;
    private LocalPaymentRateBudget _local = null!;
    private RedisPaymentRateBudget _shared = null!;
    private RedisTokenBucketRateLimiter<string> _redisRateLimiting = null!;
    private IDatabase _database = null!;

    // Synchronous on purpose: BenchmarkDotNet must not start measuring before the server is up.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _server = await LocalRedisServer.StartAsync();
        var options = ConfigurationOptions.Parse(_server.Endpoint);
        options.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        _database = _redis.GetDatabase();
        _local = new LocalPaymentRateBudget();
        _shared = new RedisPaymentRateBudget(_redis, new RedisPaymentRateBudgetOptions { CommandTimeout = TimeSpan.FromSeconds(5) });
        _redisRateLimiting = new RedisTokenBucketRateLimiter<string>("bench:rrl", new RedisTokenBucketRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => _redis,
            TokenLimit = 1_000_000,
            TokensPerPeriod = 1_000_000,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        });

        if (!(await _shared.AcquireAsync("bench:shared", Limits, CancellationToken.None)).IsGranted || _shared.IsOnFallback)
        {
            throw new InvalidOperationException("The Redis budget did not grant from Redis.");
        }

        using var lease = await _redisRateLimiting.AcquireAsync(1);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("RedisRateLimiting did not grant.");
        }
    }

    private async Task CleanupAsync()
    {
        await _redisRateLimiting.DisposeAsync();
        await _redis.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "In-process budget")]
    public ValueTask<PaymentRateDecision> Local() => _local.AcquireAsync("bench:local", Limits, CancellationToken.None);

    [Benchmark(Description = "Redis PING (floor of one round trip)")]
    public Task<TimeSpan> Ping() => _database.PingAsync();

    [Benchmark(Description = "PaymentHttp.Redis: acquire + pause check, 1 trip")]
    public ValueTask<PaymentRateDecision> Shared() => _shared.AcquireAsync("bench:shared", Limits, CancellationToken.None);

    [Benchmark(Description = "RedisRateLimiting 1.2.1 token bucket, 1 trip")]
    public async Task<bool> RedisRateLimitingAcquire()
    {
        using var lease = await _redisRateLimiting.AcquireAsync(1);
        return lease.IsAcquired;
    }

    [Benchmark(Description = "RedisRateLimiting + GET pause key, 2 trips")]
    public async Task<bool> RedisRateLimitingWithPauseCheck()
    {
        var paused = await _database.StringGetAsync("bench:rrl:paused");
        using var lease = await _redisRateLimiting.AcquireAsync(1);
        return paused.IsNull && lease.IsAcquired;
    }
}
