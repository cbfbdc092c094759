namespace PaymentHttp.Testing;

/// <summary>The store's answer for one key: what to do, and the stored response for a replay.</summary>
internal readonly record struct IdempotencyClaim(IdempotencyClaimKind Kind, SandboxResponse? Response);
