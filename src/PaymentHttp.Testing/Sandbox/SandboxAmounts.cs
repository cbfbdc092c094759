namespace PaymentHttp.Testing;

/// <summary>
/// Amounts that make the sandbox decline a payment, whatever the provider. The amount is compared as a number in the
/// request's own unit: <c>402</c>, <c>402.0</c> and <c>"402.000"</c> all match <see cref="Declined"/> (minor units
/// for PlexyPay and Paysafe, a decimal for the others). Declined payments are not charged and do not use up their
/// merchant reference. PlexyPay also declines its test cards (<see cref="SandboxCards"/>).
/// </summary>
public static class SandboxAmounts
{
    /// <summary>
    /// The provider's usual decline: Plutu HTTP 400 <c>INSUFFICIENT_BALANCE</c>; PlexyPay HTTP 402
    /// <c>card_error</c>/<c>card_declined</c>; Paysafe HTTP 402 with the payment object, <c>status: DECLINED</c> and
    /// error <c>3009</c>; MakeCommerce HTTP 400 code <c>1035</c>; PagarStar HTTP 200 code <c>1004</c>.
    /// </summary>
    public const int Declined = 402;

    /// <summary>
    /// Paysafe: HTTP 402 with the payment object, <c>status: FAILED</c> and error <c>ALTERNATE-PAYMENTS-INT-4</c>
    /// (declined by the gateway). Other providers answer as for <see cref="Declined"/>.
    /// </summary>
    public const int DeclinedByGateway = 4024;

    /// <summary>
    /// Paysafe: HTTP 200 with the payment object, <c>status: FAILED</c> and error
    /// <c>ALTERNATE-PAYMENTS-GATEWAY-4</c> — a failure inside a success status. Other providers answer as for
    /// <see cref="Declined"/> (PagarStar's decline is inside HTTP 200 anyway).
    /// </summary>
    public const int FailedInOkResponse = 2002;

    /// <summary>Which decline an amount asks for.</summary>
    internal static DeclineTrigger TriggerOf(decimal amount) => amount switch
    {
        Declined => DeclineTrigger.Declined,
        DeclinedByGateway => DeclineTrigger.DeclinedByGateway,
        FailedInOkResponse => DeclineTrigger.FailedInOkResponse,
        _ => DeclineTrigger.None,
    };
}
