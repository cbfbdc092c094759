namespace PaymentHttp.Tests.TestUtilities;

/// <summary>The timer view the retry and rate-limit tests wait on must match what Microsoft's fake clock fires.</summary>
public sealed class TimerObservingTimeProviderTests
{
    [Fact]
    public void Delay_IsSeenAsDueUntilTheClockReachesIt_ThenNothingIsPending()
    {
        var time = new TimerObservingTimeProvider();

        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);

        time.PendingTimers.ShouldBe(1);
        time.HasTimerDueIn(TimeSpan.FromSeconds(5)).ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(4.999));
        delay.IsCompleted.ShouldBeFalse();
        time.HasTimerDueIn(TimeSpan.FromMilliseconds(1)).ShouldBeTrue();
        time.Advance(TimeSpan.FromMilliseconds(1));
        delay.IsCompletedSuccessfully.ShouldBeTrue();
        time.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public void PeriodicTimer_StaysDueOnePeriodAhead_UntilDisposed()
    {
        var time = new TimerObservingTimeProvider();
        var fired = 0;

        var timer = time.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(3));

        fired.ShouldBe(2);
        time.HasTimerDueIn(TimeSpan.FromSeconds(2)).ShouldBeTrue();
        timer.Dispose();
        time.PendingTimers.ShouldBe(0);
        time.Advance(TimeSpan.FromSeconds(10));
        fired.ShouldBe(2);
    }

    [Fact]
    public void ChangeToInfinite_IsNoLongerPending_AndDoesNotFire()
    {
        var time = new TimerObservingTimeProvider();
        var fired = false;
        using var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(5));

        time.PendingTimers.ShouldBe(0);
        fired.ShouldBeFalse();
    }

    [Fact]
    public void ZeroDueTime_FiresWithItsState_AndLeavesNothingPending()
    {
        var time = new TimerObservingTimeProvider();
        object? seen = null;
        var state = new object();

        using var timer = time.CreateTimer(s => seen = s, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.Zero);

        seen.ShouldBeSameAs(state);
        time.PendingTimers.ShouldBe(0);
    }
}
