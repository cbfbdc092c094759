namespace PaymentHttp;

/// <summary>The token bucket of one budget key: the refill rate and the capacity.</summary>
public sealed record PaymentRateLimits
{
    /// <summary>Initializes a new instance of the <see cref="PaymentRateLimits"/> class.</summary>
    /// <param name="permitsPerPeriod">How many permits are added per <paramref name="period"/>; 1 or more.</param>
    /// <param name="period">The refill period; more than zero.</param>
    /// <param name="burst">The bucket's capacity; 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public PaymentRateLimits(int permitsPerPeriod, TimeSpan period, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        PermitsPerPeriod = permitsPerPeriod;
        Period = period;
        Burst = burst;
    }

    /// <summary>Gets how many permits are added per <see cref="Period"/>.</summary>
    public int PermitsPerPeriod { get; }

    /// <summary>Gets the refill period.</summary>
    public TimeSpan Period { get; }

    /// <summary>Gets the bucket's capacity: how many permits can be taken at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <summary>Gets the time in which one permit comes back: <see cref="Period"/> / <see cref="PermitsPerPeriod"/>.</summary>
    public TimeSpan PermitInterval => Period / PermitsPerPeriod;
}
