using System.Collections.Concurrent;

namespace PaymentHttp;

/// <summary>
/// The in-process <see cref="PaymentRateBudget"/>, registered by default: one token bucket and one pause per key,
/// shared by every client of this process that names the key. Measured on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class LocalPaymentRateBudget : PaymentRateBudget
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="LocalPaymentRateBudget"/> class.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public LocalPaymentRateBudget(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public override ValueTask<PaymentRateDecision> AcquireAsync(string key, PaymentRateLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(limits);
        cancellationToken.ThrowIfCancellationRequested();
        return new(BucketOf(key).TryTake(limits, Now()));
    }

    /// <inheritdoc/>
    public override ValueTask PauseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        BucketOf(key).PauseUntil(Now() + duration.Ticks);
        return ValueTask.CompletedTask;
    }

    private Bucket BucketOf(string key) => _buckets.GetOrAdd(key, static (_, start) => new Bucket(start), Now());

    /// <summary>The clock's monotonic timestamp in <see cref="TimeSpan"/> ticks.</summary>
    private long Now()
    {
        // Integer arithmetic: a double loses whole microseconds on timestamps this large.
        var timestamp = _timeProvider.GetTimestamp();
        var frequency = _timeProvider.TimestampFrequency;
        return frequency == TimeSpan.TicksPerSecond
            ? timestamp
            : (timestamp / frequency * TimeSpan.TicksPerSecond) + (timestamp % frequency * TimeSpan.TicksPerSecond / frequency);
    }

    /// <summary>
    /// One key's tokens and pause; times in <see cref="TimeSpan"/> ticks of the budget's clock. The tokens are kept
    /// as credit in ticks (one permit = one permit interval), so refills are exact integers with no rounding drift.
    /// </summary>
    private sealed class Bucket
    {
        private readonly object _gate = new();
        private long? _credit; // null until the first acquire knows the capacity: a new bucket starts full
        private long _updatedAt;
        private long _pausedUntil;

        public Bucket(long now)
        {
            _updatedAt = now;
        }

        public void PauseUntil(long until)
        {
            lock (_gate)
            {
                _pausedUntil = Math.Max(_pausedUntil, until);
            }
        }

        public PaymentRateDecision TryTake(PaymentRateLimits limits, long now)
        {
            var interval = Math.Max(limits.PermitInterval.Ticks, 1);
            var capacity = interval * limits.Burst;
            lock (_gate)
            {
                if (_pausedUntil > now)
                {
                    return PaymentRateDecision.Refused(PaymentRateRefusalReason.Paused, TimeSpan.FromTicks(_pausedUntil - now));
                }

                var credit = Math.Min(_credit ?? capacity, capacity);
                if (now > _updatedAt)
                {
                    credit = Math.Min(capacity, credit + (now - _updatedAt));
                    _updatedAt = now;
                }

                if (credit >= interval)
                {
                    _credit = credit - interval;
                    return PaymentRateDecision.Granted;
                }

                _credit = credit;
                return PaymentRateDecision.Refused(PaymentRateRefusalReason.Budget, TimeSpan.FromTicks(interval - credit));
            }
        }
    }
}
