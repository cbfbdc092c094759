namespace PaymentHttp.Testing;

/// <summary>
/// One provider's payment API: how it authenticates, which endpoints it has, and the exact envelopes it answers
/// with. The shared flow — outage, faults, ledger — lives in <see cref="SandboxPipeline"/>; a simulator only knows
/// its provider.
/// </summary>
internal abstract class ProviderSimulator
{
    protected ProviderSimulator(SandboxLedger ledger, TimeProvider time)
    {
        Ledger = ledger;
        Time = time;
    }

    public abstract PaymentProvider Provider { get; }

    /// <summary>Gets the first path segment of the provider's endpoints (<c>plutu</c>).</summary>
    public abstract string PathPrefix { get; }

    protected SandboxLedger Ledger { get; }

    protected TimeProvider Time { get; }

    /// <summary>Gets whether a second payment for a charged merchant reference is refused (all but PlexyPay).</summary>
    protected virtual bool RejectsDuplicateReferences => true;

    public abstract bool IsAuthenticated(SandboxRequest request);

    public abstract SandboxResponse AuthenticationFailed(SandboxRequest request);

    /// <summary>Recognises the endpoint and validates the request. Pure: the client handler calls it too.</summary>
    public abstract SandboxOperation Parse(SandboxRequest request);

    /// <summary>Charges a payment, unless it is a duplicate or declined.</summary>
    public virtual SandboxResponse Pay(PaymentOperation payment)
    {
        var decline = Decline(payment);
        var candidate = new SandboxCharge(
            Provider,
            payment.MerchantReference,
            NewTransactionId(),
            payment.Amount,
            payment.Currency,
            payment.IdempotencyKey,
            Time.GetUtcNow());
        var attempt = Ledger.Charge(candidate, RejectsDuplicateReferences, declined: decline is not null);
        return attempt.Status switch
        {
            ChargeStatus.Charged => Approved(payment, attempt.Charge!),
            ChargeStatus.Duplicate => Duplicate(payment, attempt.Charge!),
            _ => decline!,
        };
    }

    public abstract SandboxResponse Query(QueryOperation query);

    /// <summary>HTTP 429 in the provider's envelope; the pipeline adds <c>Retry-After</c>.</summary>
    public abstract SandboxResponse TooManyRequests();

    /// <summary>HTTP 503 in the provider's envelope.</summary>
    public abstract SandboxResponse Unavailable();

    /// <summary>HTTP 500 in the provider's envelope.</summary>
    public abstract SandboxResponse ServerError();

    /// <summary>A provider code in the provider's error envelope, with the status the provider sends it with unless one is forced.</summary>
    public abstract SandboxResponse ProviderError(SandboxOperation operation, string code, int? statusCode);

    protected abstract string NewTransactionId();

    /// <summary>The decline response for a payment, or <see langword="null"/> to approve it.</summary>
    protected abstract SandboxResponse? Decline(PaymentOperation payment);

    protected abstract SandboxResponse Approved(PaymentOperation payment, SandboxCharge charge);

    protected abstract SandboxResponse Duplicate(PaymentOperation payment, SandboxCharge existing);

    /// <summary>A new transaction id: a prefix and 24 random hex characters.</summary>
    protected static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..24];
}
