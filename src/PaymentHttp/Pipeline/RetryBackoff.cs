namespace PaymentHttp;

/// <summary>
/// Exponential backoff: <c>BaseDelay × 2^attempt</c>, capped at <c>MaxDelay</c>. With jitter the delay is drawn
/// between half and all of that value ("equal jitter"), which spreads clients out but never retries at once.
/// </summary>
internal static class RetryBackoff
{
    /// <param name="attempt">The zero-based number of the attempt that failed.</param>
    /// <param name="baseDelay">The first delay; zero means no waiting.</param>
    /// <param name="maxDelay">The cap.</param>
    /// <param name="jitter">The random source, or <see langword="null"/> for exact delays.</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, PaymentJitter? jitter)
    {
        if (baseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Doubles cannot overflow here; the cap keeps the result in range.
        var exponential = Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 62)), maxDelay.Ticks);
        if (jitter is not null)
        {
            exponential = (exponential / 2) + (jitter.Next() * exponential / 2);
        }

        return TimeSpan.FromTicks((long)exponential);
    }
}
