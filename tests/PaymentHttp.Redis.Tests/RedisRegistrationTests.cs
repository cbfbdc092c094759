using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PaymentHttp.Redis.Tests;

/// <summary>The one-line registration, its validation, and a Redis that is unreachable from the start.</summary>
public sealed class RedisRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddPaymentHttpRedisRateBudget_BeforeOrAfterTheClients_ReplacesTheInProcessBudget(bool redisFirst)
    {
        await using var redis = await UnreachableAsync();
        var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(redis);
        if (redisFirst)
        {
            services.AddPaymentHttpRedisRateBudget();
        }

        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o => o.RateLimit.Enabled = true);
        if (!redisFirst)
        {
            services.AddPaymentHttpRedisRateBudget();
        }

        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PaymentRateBudget>().ShouldBeOfType<RedisPaymentRateBudget>();
    }

    [Fact]
    public async Task BadOption_FailsWithMessageNamingTheSetting()
    {
        await using var redis = await UnreachableAsync();
        var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(redis);
        services.AddPaymentHttpRedisRateBudget(o => o.CommandTimeout = TimeSpan.FromMinutes(1));
        await using var provider = services.BuildServiceProvider();

        var exception = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<PaymentRateBudget>());

        exception.Message.ShouldContain("PaymentHttp Redis rate budget: CommandTimeout must be between 1 ms and 10 seconds (was 00:01:00)");
    }

    [Fact]
    public async Task RedisUnreachableFromTheStart_PaymentsGoThroughOnTheLocalBudget_WithOneWarning()
    {
        await using var redis = await UnreachableAsync();
        using var logs = new FakeLoggerProvider();
        var provider = new RecordingProvider();
        var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(redis);
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddPaymentHttpRedisRateBudget(o => o.ProbeInterval = TimeSpan.FromMilliseconds(100));
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o =>
        {
            o.BaseAddress = new Uri("http://provider.test/");
            o.RateLimit.Enabled = true;
            o.RateLimit.PermitsPerPeriod = 1000;
        }).ConfigurePrimaryHttpMessageHandler(() => provider);
        await using var services2 = services.BuildServiceProvider();
        using var client = services2.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("payments/" + i).WaitAsync(TimeSpan.FromSeconds(10));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        provider.Total.ShouldBe(20);
        ((RedisPaymentRateBudget)services2.GetRequiredService<PaymentRateBudget>()).IsOnFallback.ShouldBeTrue();
        logs.Collector.GetSnapshot()
            .Count(r => r.Level >= LogLevel.Warning && r.Message.Contains("Redis is unreachable", StringComparison.Ordinal))
            .ShouldBe(1);
    }

    /// <summary>A multiplexer pointed at a loopback port nobody listens on; bounded so nothing waits long.</summary>
    private static async Task<ConnectionMultiplexer> UnreachableAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return await ConnectionMultiplexer.ConnectAsync(RedisServerFixture.ClientOptions($"127.0.0.1:{port}"));
    }
}
