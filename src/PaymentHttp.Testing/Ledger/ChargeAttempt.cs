namespace PaymentHttp.Testing;

/// <summary>The ledger's answer to a payment attempt: the new charge, or the earlier one for a duplicate.</summary>
internal readonly record struct ChargeAttempt(ChargeStatus Status, SandboxCharge? Charge);
