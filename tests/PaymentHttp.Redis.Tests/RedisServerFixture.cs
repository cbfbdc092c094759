using PaymentHttp.Testing;
using StackExchange.Redis;

namespace PaymentHttp.Redis.Tests;

/// <summary>One real redis-server per test run (installed from the Debian packages when missing), stopped afterwards.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public LocalRedisServer Server { get; private set; } = null!;

    /// <summary>Bounded client settings: a test that cannot reach Redis fails or falls back, it never hangs.</summary>
    public static ConfigurationOptions ClientOptions(string endpoint)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = true; // INFO, for counting the server's script calls
        options.ConnectTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.SyncTimeout = 1000;
        options.ConnectRetry = 1;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(100);
        return options;
    }

    public async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(ClientOptions(Server.Endpoint));

    public async Task InitializeAsync() => Server = await LocalRedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
