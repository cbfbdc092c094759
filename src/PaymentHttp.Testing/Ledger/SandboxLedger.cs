namespace PaymentHttp.Testing;

/// <summary>
/// Every payment the sandbox charged, keyed by provider and merchant reference. Thread-safe: checking for a
/// duplicate and charging happen atomically, so a reference is never charged twice by concurrent requests of a
/// provider that rejects duplicates.
/// </summary>
/// <remarks>
/// Plutu, Paysafe, MakeCommerce and PagarStar reject a second payment for a charged reference. PlexyPay detects
/// repeats only by <c>Idempotency-Key</c>: two requests with the same <c>reference</c> and no key are charged twice,
/// as the real API would do. A declined payment does not use up its reference.
/// </remarks>
public sealed class SandboxLedger
{
    private readonly object _gate = new();
    private readonly List<SandboxCharge> _charges = [];
    private readonly Dictionary<ReferenceKey, List<SandboxCharge>> _byReference = [];
    private readonly Dictionary<ReferenceKey, int> _duplicates = [];
    private readonly Dictionary<ReferenceKey, List<TaskCompletionSource<SandboxCharge>>> _waiters = [];

    internal SandboxLedger()
    {
    }

    /// <summary>Gets a snapshot of every charge, oldest first.</summary>
    public IReadOnlyList<SandboxCharge> Charges
    {
        get
        {
            lock (_gate)
            {
                return [.. _charges];
            }
        }
    }

    /// <summary>Gets the charges of one merchant reference, oldest first.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="merchantReference">The merchant reference.</param>
    /// <returns>A snapshot; empty when the reference was never charged.</returns>
    public IReadOnlyList<SandboxCharge> ChargesOf(PaymentProvider provider, string merchantReference)
    {
        ArgumentNullException.ThrowIfNull(merchantReference);
        lock (_gate)
        {
            return _byReference.TryGetValue(new ReferenceKey(provider, merchantReference), out var charges) ? [.. charges] : [];
        }
    }

    /// <summary>Gets how many times a merchant reference was charged.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="merchantReference">The merchant reference.</param>
    /// <returns>The number of charges: 0 or 1, except for PlexyPay payments sent without an idempotency key.</returns>
    public int ChargeCount(PaymentProvider provider, string merchantReference)
    {
        ArgumentNullException.ThrowIfNull(merchantReference);
        lock (_gate)
        {
            return _byReference.TryGetValue(new ReferenceKey(provider, merchantReference), out var charges) ? charges.Count : 0;
        }
    }

    /// <summary>
    /// Gets how many repeated payments for a merchant reference the sandbox detected and did not charge: rejected
    /// duplicates, and PlexyPay requests answered by replaying the response stored under their idempotency key.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="merchantReference">The merchant reference.</param>
    /// <returns>The number of detected repeats.</returns>
    public int DuplicateCount(PaymentProvider provider, string merchantReference)
    {
        ArgumentNullException.ThrowIfNull(merchantReference);
        lock (_gate)
        {
            return _duplicates.GetValueOrDefault(new ReferenceKey(provider, merchantReference));
        }
    }

    /// <summary>
    /// Waits until a merchant reference is charged, for a test whose client gave up (timeout, cancellation) while
    /// the sandbox was still processing. Completes at once when the reference is already charged.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="merchantReference">The merchant reference.</param>
    /// <param name="cancellationToken">Ends the wait; always pass one that is bounded in time.</param>
    /// <returns>The first charge of the reference.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<SandboxCharge> WaitForChargeAsync(PaymentProvider provider, string merchantReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merchantReference);
        var key = new ReferenceKey(provider, merchantReference);
        var waiter = new TaskCompletionSource<SandboxCharge>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_byReference.TryGetValue(key, out var charges))
            {
                return Task.FromResult(charges[0]);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<SandboxCharge>(cancellationToken);
            }

            if (!_waiters.TryGetValue(key, out var waiters))
            {
                waiters = [];
                _waiters.Add(key, waiters);
            }

            waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (_waiters.TryGetValue(key, out var waiters) && waiters.Remove(waiter) && waiters.Count == 0)
                    {
                        _waiters.Remove(key);
                    }
                }

                waiter.TrySetCanceled(cancellationToken);
            });
            _ = waiter.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    /// <summary>
    /// Charges <paramref name="candidate"/> unless its reference is already charged (when duplicates are rejected)
    /// or the payment is declined; the check and the charge are one atomic step.
    /// </summary>
    internal ChargeAttempt Charge(SandboxCharge candidate, bool rejectDuplicates, bool declined)
    {
        var key = new ReferenceKey(candidate.Provider, candidate.MerchantReference);
        List<TaskCompletionSource<SandboxCharge>>? released;
        lock (_gate)
        {
            _byReference.TryGetValue(key, out var charges);
            if (rejectDuplicates && charges is { Count: > 0 })
            {
                _duplicates[key] = _duplicates.GetValueOrDefault(key) + 1;
                return new ChargeAttempt(ChargeStatus.Duplicate, charges[0]);
            }

            if (declined)
            {
                return new ChargeAttempt(ChargeStatus.Declined, null);
            }

            if (charges is null)
            {
                charges = [];
                _byReference.Add(key, charges);
            }

            charges.Add(candidate);
            _charges.Add(candidate);
            _waiters.Remove(key, out released);
        }

        foreach (var waiter in released ?? [])
        {
            waiter.TrySetResult(candidate);
        }

        return new ChargeAttempt(ChargeStatus.Charged, candidate);
    }

    /// <summary>Counts a repeat detected outside the ledger (a PlexyPay idempotent replay).</summary>
    internal void RecordDuplicate(PaymentProvider provider, string reference)
    {
        var key = new ReferenceKey(provider, reference);
        lock (_gate)
        {
            _duplicates[key] = _duplicates.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Finds a charge by the transaction id the sandbox gave it.</summary>
    internal SandboxCharge? FindTransaction(PaymentProvider provider, string transactionId)
    {
        lock (_gate)
        {
            return _charges.Find(charge => charge.Provider == provider && string.Equals(charge.TransactionId, transactionId, StringComparison.Ordinal));
        }
    }
}
