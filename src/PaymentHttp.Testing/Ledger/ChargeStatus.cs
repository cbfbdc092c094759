namespace PaymentHttp.Testing;

/// <summary>What the ledger did with one payment attempt.</summary>
internal enum ChargeStatus
{
    /// <summary>The payment was charged.</summary>
    Charged,

    /// <summary>The reference was already charged: nothing was charged.</summary>
    Duplicate,

    /// <summary>The payment was declined: nothing was charged and the reference stays free.</summary>
    Declined,
}
