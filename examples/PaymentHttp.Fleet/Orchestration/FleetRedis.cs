namespace PaymentHttp.Fleet.Orchestration;

/// <summary>The redis-server of the shared run, or why there is none.</summary>
internal sealed class FleetRedis : IAsyncDisposable
{
    public const string HowToGetIt = "redis-server was not found on PATH, so the shared run (one budget for the whole fleet, on Redis) cannot be made. "
        + "Install it and run again: Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y redis-server; macOS: brew install redis; "
        + "or any Redis 6+ binary named redis-server on PATH.";

    private FleetRedis(string? address, string problem)
    {
        Address = address;
        Problem = problem;
    }

    /// <summary>Gets <c>host:port</c>, or <see langword="null"/> when no server could be started.</summary>
    public string? Address { get; }

    /// <summary>Gets what to tell the user when <see cref="Address"/> is <see langword="null"/>.</summary>
    public string Problem { get; }

    public static Task<FleetRedis> StartAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(new FleetRedis(null, HowToGetIt));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
