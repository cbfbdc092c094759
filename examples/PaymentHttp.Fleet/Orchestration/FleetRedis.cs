using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>The redis-server of the shared run (a throw-away one on a free loopback port), or why there is none.</summary>
internal sealed class FleetRedis : IAsyncDisposable
{
    public const string HowToGetIt = "redis-server was not found on PATH, so the shared run (one budget for the whole fleet, on Redis) cannot be made. "
        + "Install it and run again: Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y redis-server; macOS: brew install redis; "
        + "or put any Redis 6+ redis-server binary on PATH.";

    private readonly LocalRedisServer? _server;

    private FleetRedis(LocalRedisServer? server, string problem)
    {
        _server = server;
        Problem = problem;
    }

    /// <summary>Gets <c>host:port</c>, or <see langword="null"/> when no server could be started.</summary>
    public string? Address => _server?.Endpoint;

    /// <summary>Gets what to tell the user when <see cref="Address"/> is <see langword="null"/>.</summary>
    public string Problem { get; }

    /// <summary>Starts redis-server when it is installed; the example does not install system packages itself.</summary>
    public static async Task<FleetRedis> StartAsync(CancellationToken cancellationToken)
    {
        if (LocalRedisServer.FindExecutable() is null)
        {
            return new FleetRedis(null, HowToGetIt);
        }

        try
        {
            return new FleetRedis(await LocalRedisServer.StartAsync(cancellationToken).ConfigureAwait(false), string.Empty);
        }
        catch (InvalidOperationException failed)
        {
            return new FleetRedis(null, "redis-server is installed but did not start: " + failed.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
