namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// The answer the sandbox produces when it processes a payment (approval, decline, duplicate), as the oracle models
/// it: its HTTP status, what the provider's code says, what the status alone says (for a body cut so short that the
/// code is lost), and whether processing charged.
/// </summary>
public sealed record ProcessedAnswer(int Status, AttemptVerdict ByCode, AttemptVerdict ByStatusAlone, bool Charged)
{
    public bool IsSuccessStatus => Status is >= 200 and <= 299;
}
