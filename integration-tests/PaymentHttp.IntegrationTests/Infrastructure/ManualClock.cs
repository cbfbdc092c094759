namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test calls <see cref="Advance"/>. Timers stay real
/// (the base implementation), so attempt timeouts still fire on a loopback socket that stalls; what reads the clock —
/// the circuit breaker's break duration and sampling window, <c>Retry-After</c> dates — sees manual time.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }
}
