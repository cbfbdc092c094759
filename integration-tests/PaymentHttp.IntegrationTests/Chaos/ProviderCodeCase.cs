namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>A provider error code the chaos run injects, and what docs/providers.md says it means.</summary>
public sealed record ProviderCodeCase(string Code, AttemptVerdict Verdict);
