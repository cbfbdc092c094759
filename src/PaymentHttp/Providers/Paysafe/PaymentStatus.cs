namespace PaymentHttp;

/// <summary>What the <c>status</c> of a Paysafe 2xx payment object says about the payment.</summary>
internal enum PaymentStatus
{
    /// <summary>Not a failure: a success or pending status, or no payment object at all.</summary>
    NotFailed,

    /// <summary><c>FAILED</c> or <c>DECLINED</c>.</summary>
    Failed,

    /// <summary>The body breaks off before its status, or the status cannot be decoded.</summary>
    Unreadable,
}
