namespace PaymentHttp;

/// <summary>The answer of a <see cref="PaymentRateBudget"/> to one request for a permit.</summary>
public readonly record struct PaymentRateDecision
{
    private PaymentRateDecision(PaymentRateRefusalReason reason, TimeSpan retryAfter)
    {
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets a granted permit.</summary>
    public static PaymentRateDecision Granted => default;

    /// <summary>Gets a value indicating whether the permit was granted.</summary>
    public bool IsGranted => Reason == PaymentRateRefusalReason.None;

    /// <summary>Gets why the permit was refused; <see cref="PaymentRateRefusalReason.None"/> when it was granted.</summary>
    public PaymentRateRefusalReason Reason { get; }

    /// <summary>Gets how long until asking again can succeed; <see cref="TimeSpan.Zero"/> when granted.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Returns a refusal.</summary>
    /// <param name="reason">Why: <see cref="PaymentRateRefusalReason.Budget"/> or <see cref="PaymentRateRefusalReason.Paused"/>.</param>
    /// <param name="retryAfter">How long until asking again can succeed; more than zero.</param>
    /// <returns>The refusal.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The reason is <see cref="PaymentRateRefusalReason.None"/> or not defined, or the wait is not positive.</exception>
    public static PaymentRateDecision Refused(PaymentRateRefusalReason reason, TimeSpan retryAfter)
    {
        if (reason is not (PaymentRateRefusalReason.Budget or PaymentRateRefusalReason.Paused))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A refusal is for the budget or for a pause.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retryAfter, TimeSpan.Zero);
        return new(reason, retryAfter);
    }
}
