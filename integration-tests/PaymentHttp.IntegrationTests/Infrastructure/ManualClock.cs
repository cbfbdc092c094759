namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> with real timers: what reads the clock — the circuit breaker's break
/// duration and sampling window, <c>Retry-After</c> dates, the sandbox's one-second rate windows — sees manual time,
/// while attempt timeouts still fire when a loopback socket stalls (a fake timer would wait for an
/// <see cref="FakeTimeProvider.Advance"/> that these tests never make).
/// </summary>
public sealed class ManualClock : FakeTimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimeProvider.System.CreateTimer(callback, state, dueTime, period);
}
