namespace PaymentHttp.Testing;

/// <summary>
/// PlexyPay's documented test card numbers, sent in the <c>card_number</c> field of <c>POST payments</c>. Any other
/// number (or none) approves, unless the amount is one of <see cref="SandboxAmounts"/>.
/// </summary>
public static class SandboxCards
{
    /// <summary>Approves.</summary>
    public const string Approved = "4242424242424242";

    /// <summary>HTTP 402 <c>card_error</c>, code <c>card_declined</c>, decline code <c>generic_decline</c>.</summary>
    public const string GenericDecline = "4000000000000002";

    /// <summary>HTTP 402 <c>card_error</c>, code <c>card_declined</c>, decline code <c>insufficient_funds</c>.</summary>
    public const string InsufficientFunds = "4000000000009995";

    /// <summary>HTTP 402 <c>card_error</c>, code <c>expired_card</c>.</summary>
    public const string ExpiredCard = "4000000000000069";

    /// <summary>HTTP 402 <c>card_error</c>, code <c>incorrect_cvc</c>.</summary>
    public const string IncorrectCvc = "4000000000000127";

    /// <summary>HTTP 402 <c>card_error</c>, code <c>processing_error</c> (the outcome is unknown to the caller); nothing is charged.</summary>
    public const string ProcessingError = "4000000000000119";
}
