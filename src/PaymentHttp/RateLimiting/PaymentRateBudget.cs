namespace PaymentHttp;

/// <summary>
/// Where the rate budgets and back-off pauses of <see cref="PaymentRateLimitOptions.Key"/>s live. The default keeps
/// them in this process (<see cref="LocalPaymentRateBudget"/>); PaymentHttp.Redis replaces it with one that every
/// instance shares. Register your own as a singleton <see cref="PaymentRateBudget"/> before adding the clients.
/// </summary>
/// <remarks>
/// Called once per attempt, so it must be quick, and it must not throw: a budget that cannot reach its store
/// answers from a local fallback instead. The rate gate treats an exception as a granted permit (logged), because
/// the budget protects the provider's limit and must never be why a payment is lost.
/// </remarks>
public abstract class PaymentRateBudget
{
    /// <summary>Takes one permit from the key's budget, unless the budget is used up or the key is paused.</summary>
    /// <param name="key">The budget's name.</param>
    /// <param name="limits">The key's token bucket.</param>
    /// <param name="cancellationToken">Cancels the request for a permit.</param>
    /// <returns>Granted, or refused with the reason and how long until asking again can succeed.</returns>
    public abstract ValueTask<PaymentRateDecision> AcquireAsync(string key, PaymentRateLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// Pauses the key for <paramref name="duration"/> from now, unless it is paused longer already. Relative, not a
    /// point in time, so that a shared store can measure it on its own clock rather than on each instance's.
    /// </summary>
    /// <param name="key">The budget's name.</param>
    /// <param name="duration">How long the key is paused; more than zero.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the pause is recorded.</returns>
    public abstract ValueTask PauseAsync(string key, TimeSpan duration, CancellationToken cancellationToken);
}
