namespace PaymentHttp.Testing;

/// <summary>One second of a provider's rate limit in the sandbox: how many requests it let through and how many it refused with 429.</summary>
public sealed class SandboxRateSecond
{
    internal SandboxRateSecond(int second, int accepted, int refused)
    {
        Second = second;
        Accepted = accepted;
        Refused = refused;
    }

    /// <summary>Gets the second, counted from 0 when the limit was set.</summary>
    public int Second { get; }

    /// <summary>Gets how many requests passed the limit in this second.</summary>
    public int Accepted { get; }

    /// <summary>Gets how many requests were answered with 429 in this second.</summary>
    public int Refused { get; }
}
