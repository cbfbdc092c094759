namespace PaymentHttp.Testing;

/// <summary>What a PlexyPay <c>Idempotency-Key</c> means for the request that carries it.</summary>
internal enum IdempotencyClaimKind
{
    /// <summary>First use: process the request and store its response.</summary>
    New,

    /// <summary>Seen with the same body and answered: replay the stored response.</summary>
    Replay,

    /// <summary>Another request with this key is being processed right now.</summary>
    InUse,

    /// <summary>Seen with a different body.</summary>
    Mismatch,
}
