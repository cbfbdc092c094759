namespace PaymentHttp.Testing;

/// <summary>A request the provider turns down before doing anything: unknown endpoint, invalid fields, wrong media type.</summary>
internal sealed class RejectedOperation : SandboxOperation
{
    public RejectedOperation(SandboxResponse response)
        : base(null)
    {
        Response = response;
    }

    public SandboxResponse Response { get; }
}
