namespace PaymentHttp.Testing;

/// <summary>One idempotency key: the body it was first used with and, once processed, the response.</summary>
internal sealed class IdempotencyRecord
{
    public IdempotencyRecord(string fingerprint)
    {
        Fingerprint = fingerprint;
    }

    public string Fingerprint { get; }

    /// <summary>Gets or sets the stored response; <see langword="null"/> while the first request is being processed.</summary>
    public SandboxResponse? Response { get; set; }
}
