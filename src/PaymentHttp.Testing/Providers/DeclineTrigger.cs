namespace PaymentHttp.Testing;

/// <summary>The decline a payment's amount asks for (see <see cref="SandboxAmounts"/>).</summary>
internal enum DeclineTrigger
{
    None,
    Declined,
    DeclinedByGateway,
    FailedInOkResponse,
}
