namespace PaymentHttp.Testing;

/// <summary>What a request asks a provider simulator to do, once it is recognised and valid.</summary>
internal abstract class SandboxOperation
{
    protected SandboxOperation(string? reference)
    {
        Reference = reference;
    }

    /// <summary>Gets the merchant reference the request names, which selects its planned faults; <see langword="null"/> when it names none.</summary>
    public string? Reference { get; }
}
