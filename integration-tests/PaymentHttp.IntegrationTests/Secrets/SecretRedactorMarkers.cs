namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>What PaymentHttp writes where it removed a secret (README, "Observability").</summary>
public static class SecretRedactorMarkers
{
    public const string Redacted = "[REDACTED]";
    public const string Card = "[card ****";
    public const string SecurityCode = "***";
}
