namespace PaymentHttp.Testing;

/// <summary>A request that looks a payment up, by merchant reference or by the provider's transaction id.</summary>
internal sealed class QueryOperation : SandboxOperation
{
    private QueryOperation(string? reference, string? transactionId)
        : base(reference)
    {
        TransactionId = transactionId;
    }

    /// <summary>Gets the transaction id to look up, or <see langword="null"/> for a lookup by merchant reference.</summary>
    public string? TransactionId { get; }

    public static QueryOperation ByReference(string reference) => new(reference, null);

    public static QueryOperation ByTransactionId(string transactionId) => new(null, transactionId);
}
