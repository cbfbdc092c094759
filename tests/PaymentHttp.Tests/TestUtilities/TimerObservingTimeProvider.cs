using System.Collections.Concurrent;

namespace PaymentHttp.Tests.TestUtilities;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/>, which keeps the clock and fires the timers, plus a view of the timers
/// it holds: a test waits until the code under test has scheduled its wait (a retry delay, a rate-limit queue) before
/// it advances time, and asserts that nothing was left scheduled. The package does not expose its waiters.
/// </summary>
public sealed class TimerObservingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentDictionary<ObservedTimer, byte> _timers = new();

    /// <summary>Gets the number of timers that are scheduled and not yet fired or disposed.</summary>
    public int PendingTimers => _timers.Keys.Count(t => t.DueAt is not null);

    /// <summary>Whether a timer is scheduled to fire exactly <paramref name="fromNow"/> after the current time.</summary>
    public bool HasTimerDueIn(TimeSpan fromNow)
    {
        var due = GetUtcNow() + fromNow;
        return _timers.Keys.Any(t => t.DueAt == due);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var observed = new ObservedTimer(this, callback, state);
        observed.Schedule(dueTime, period);
        _timers.TryAdd(observed, 0);

        // The package's timer may fire inside CreateTimer (a zero due time); the observed state is already set.
        observed.Inner = base.CreateTimer(static s => ((ObservedTimer)s!).Fire(), observed, dueTime, period);
        return observed;
    }

    private sealed class ObservedTimer(TimerObservingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private readonly object _gate = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period;

        public ITimer? Inner { get; set; }

        public DateTimeOffset? DueAt
        {
            get
            {
                lock (_gate)
                {
                    return _dueAt;
                }
            }
        }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
                _period = period;
            }
        }

        public void Fire()
        {
            lock (_gate)
            {
                // The package sets the clock to the due time before it calls back.
                _dueAt = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? owner.GetUtcNow() + _period : null;
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner._timers.TryRemove(this, out _);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
