namespace PaymentHttp;

/// <summary>Why a <see cref="PaymentRateBudget"/> refused a permit.</summary>
public enum PaymentRateRefusalReason
{
    /// <summary>Not refused: the permit was granted.</summary>
    None = 0,

    /// <summary>The budget's tokens are used up; one is back after <see cref="PaymentRateDecision.RetryAfter"/>.</summary>
    Budget = 1,

    /// <summary>The key is paused because the provider asked to come back later.</summary>
    Paused = 2,
}
