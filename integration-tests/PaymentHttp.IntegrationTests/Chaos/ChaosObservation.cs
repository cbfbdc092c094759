namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>What happened to one chaos payment, next to what the oracle allowed.</summary>
public sealed class ChaosObservation
{
    public ChaosObservation(ChaosPayment payment, IReadOnlySet<ChaosOutcome> expected)
    {
        Payment = payment;
        Expected = expected;
    }

    public ChaosPayment Payment { get; }

    public IReadOnlySet<ChaosOutcome> Expected { get; }

    /// <summary>Gets or sets the outcome name: <c>Success</c>, <c>SuccessWithUnreadableBody</c>, <c>SuccessNotApproved</c> or the exception type.</summary>
    public string Outcome { get; set; } = "NotRun";

    /// <summary>Gets or sets the exception that was neither a success nor a <see cref="PaymentProviderException"/>.</summary>
    public Exception? Unexpected { get; set; }

    /// <summary>Gets or sets the typed exception the call ended in, if any.</summary>
    public PaymentProviderException? Failure { get; set; }

    public int Attempts { get; set; }

    public int FaultsTaken { get; set; }

    /// <summary>
    /// Gets or sets how many attempts timed out without a planned <c>Delay</c> to explain it: the machine stalled for
    /// longer than the attempt timeout (another build, a GC pause). Such a payment still has to keep the money rule,
    /// but which outcome it ends in depends on when the stall hit, so it is not compared with the oracle.
    /// </summary>
    public int StalledAttempts { get; set; }

    /// <summary>Gets or sets how many times the sandbox's ledger charged the reference.</summary>
    public int Charges { get; set; }

    /// <summary>Gets or sets the transaction ids the provider's lookup endpoint reported through the same client.</summary>
    public IReadOnlyList<string>? LookedUp { get; set; }

    /// <summary>Gets or sets why the lookup disagrees with the ledger, or <see langword="null"/> when it agrees.</summary>
    public string? LookupDisagreement { get; set; }

    public ChaosOutcome Actual => new(Outcome, Charges, Attempts, FaultsTaken);

    public bool MatchesOracle => StalledAttempts > 0 || Expected.Contains(Actual);

    public override string ToString() =>
        $"{Payment}: got {Actual}{(StalledAttempts > 0 ? $" ({StalledAttempts} attempt(s) stalled)" : string.Empty)}{(Failure is null ? string.Empty : $" [{Failure.Message}]")}"
        + $"{(Unexpected is null ? string.Empty : $" UNEXPECTED {Unexpected.GetType().Name}: {Unexpected.Message}")}"
        + $"; allowed {string.Join(" | ", Expected)}";
}
