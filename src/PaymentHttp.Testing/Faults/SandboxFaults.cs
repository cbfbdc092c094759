namespace PaymentHttp.Testing;

/// <summary>
/// Scripted faults per merchant reference. Every request that names a reference — a payment or a query for it —
/// takes the next planned fault for that reference, in the order the requests reach the sandbox; once the plan is
/// used up, requests are handled normally. Thread-safe: under concurrency each planned fault is taken by exactly one
/// request.
/// </summary>
/// <remarks>
/// Faults are taken only by requests that pass the provider's authentication check, are valid and name a
/// reference; an outage (<see cref="ProviderSandbox.SetOutage"/>) answers before any fault is taken.
/// </remarks>
public sealed class SandboxFaults
{
    private readonly object _gate = new();
    private readonly Dictionary<ReferenceKey, Queue<SandboxFault>> _plans = [];

    internal SandboxFaults()
    {
    }

    /// <summary>
    /// Plans the faults of the next attempts for a merchant reference: the next request for it gets
    /// <paramref name="perAttempt"/>[0], the one after that [1], and so on; then requests are handled normally.
    /// Replaces whatever was still planned for that reference; an empty list removes the plan.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="merchantReference">The merchant reference: Plutu <c>invoice_no</c>, PlexyPay <c>reference</c>, Paysafe <c>merchantRefNum</c>, MakeCommerce <c>reference</c> (or the transaction id in the path), PagarStar <c>order_id</c>.</param>
    /// <param name="perAttempt">One fault per attempt, in order; use <see cref="SandboxFault.None"/> to let an attempt through.</param>
    /// <exception cref="ArgumentException"><paramref name="merchantReference"/> is empty, or a fault is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider.</exception>
    public void Plan(PaymentProvider provider, string merchantReference, params SandboxFault[] perAttempt)
    {
        ProviderArgument.Validate(provider);
        ArgumentException.ThrowIfNullOrEmpty(merchantReference);
        ArgumentNullException.ThrowIfNull(perAttempt);
        if (Array.IndexOf(perAttempt, null) >= 0)
        {
            throw new ArgumentException("A planned fault cannot be null; use SandboxFault.None to let an attempt through.", nameof(perAttempt));
        }

        var key = new ReferenceKey(provider, merchantReference);
        lock (_gate)
        {
            if (perAttempt.Length == 0)
            {
                _plans.Remove(key);
            }
            else
            {
                _plans[key] = new Queue<SandboxFault>(perAttempt);
            }
        }
    }

    /// <summary>Gets how many planned faults for a merchant reference have not been taken by a request yet.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="merchantReference">The merchant reference.</param>
    /// <returns>The number of faults still planned; 0 when the plan is used up or there is none.</returns>
    public int Remaining(PaymentProvider provider, string merchantReference)
    {
        ArgumentNullException.ThrowIfNull(merchantReference);
        lock (_gate)
        {
            return _plans.TryGetValue(new ReferenceKey(provider, merchantReference), out var plan) ? plan.Count : 0;
        }
    }

    /// <summary>Removes every plan.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _plans.Clear();
        }
    }

    /// <summary>Takes the fault for the request that just arrived for a reference.</summary>
    internal SandboxFault Next(PaymentProvider provider, string reference)
    {
        var key = new ReferenceKey(provider, reference);
        lock (_gate)
        {
            if (!_plans.TryGetValue(key, out var plan))
            {
                return SandboxFault.None;
            }

            var fault = plan.Dequeue();
            if (plan.Count == 0)
            {
                _plans.Remove(key);
            }

            return fault;
        }
    }

    /// <summary>Gets whether any reference of the provider has a refusal waiting as its next fault (the client's fast path).</summary>
    internal bool HasPendingRefusal(PaymentProvider provider)
    {
        lock (_gate)
        {
            foreach (var (key, plan) in _plans)
            {
                if (key.Provider == provider && plan.Peek().Kind == SandboxFaultKind.Refuse)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Takes the next fault of a reference only when it is a refusal, for the client side to carry out.</summary>
    internal bool TryTakeRefusal(PaymentProvider provider, string reference)
    {
        var key = new ReferenceKey(provider, reference);
        lock (_gate)
        {
            if (!_plans.TryGetValue(key, out var plan) || plan.Peek().Kind != SandboxFaultKind.Refuse)
            {
                return false;
            }

            plan.Dequeue();
            if (plan.Count == 0)
            {
                _plans.Remove(key);
            }

            return true;
        }
    }
}
